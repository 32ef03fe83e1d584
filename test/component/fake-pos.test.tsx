/** The fake behind window.pos holds to the IPC contract, so screen tests cannot pass on a made-up answer. */
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../src/shared/ipc/contract';
import { createFakePos } from './support/fake-pos';

describe('fake window.pos', () => {
  it('fails on a channel the test did not configure', async () => {
    const fake = createFakePos();
    await expect(fake.invoke('staff.list', {})).rejects.toThrow(/did not configure/);
    expect(fake.problems).toHaveLength(1);
  });

  it('fails on an answer outside the channel’s response schema', async () => {
    const fake = createFakePos();
    // A full card number where only the masked form is allowed.
    const drifted = {
      account: {
        accountRef: 'acct_9f8e7d6c5b4a3210',
        cardMasked: '4111111111115941',
        status: 'normal',
        canPurchase: true,
      },
    } as unknown as ResponseOf<'customers.lookup'>;
    fake.on('customers.lookup', drifted);
    const request = { flowId: 'flow_0123456789abcdef', by: 'card', number: '4111111111115941' };
    await expect(fake.invoke('customers.lookup', request)).rejects.toThrow(/breaks the contract/);
    expect(fake.problems.join()).toContain('customers.lookup');
  });

  it('refuses a malformed request as main does, without calling the handler', async () => {
    const fake = createFakePos().on('session.signIn', () => {
      throw new Error('must not be called');
    });
    const answer = await fake.invoke('session.signIn', { employeeId: 'c 1', pin: '12' });
    expect(answer).toMatchObject({ ok: false, error: { category: 'needs_action', code: 'invalid_request' } });
    expect(fake.invalidCalls()).toHaveLength(1);
    expect(fake.problems).toEqual([]);
  });

  it('passes on an answer that fits, parsed as main would send it', async () => {
    const fake = createFakePos().on('staff.disable', ({ employeeId, disabled }) => ({
      staff: { employeeId, name: 'Camille', role: 'cashier', disabled, createdAt: '2026-11-02T14:00:00Z' },
    }));
    const answer = await fake.invoke('staff.disable', { employeeId: 'c-100' });
    // The request's default (disabled: true) was applied before the handler saw it.
    expect(answer).toMatchObject({ ok: true, value: { staff: { disabled: true } } });
    expect(fake.calls('staff.disable')).toEqual([{ employeeId: 'c-100', disabled: true }]);
  });
});

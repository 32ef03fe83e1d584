/**
 * The reconciler against the sandbox: operations left in doubt by dropped connections are settled by
 * replay inside the 24-hour window and by lookup after it, applied or not applied, never doubled.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isFlexitiCallError } from '../../../src/main/core/flexiti/flexiti-errors';
import type { FlowContext } from '../../../src/main/core/flexiti/call-runner';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { DEMO_MERCHANT, startCore, type CoreHarness } from './core-harness';

const ACCOUNT = DEMO.accounts.miTester.accountNumber;
const EMPLOYEE = DEMO_MERCHANT.employees.cashier;
const AFTER_WINDOW = () => Date.now() + 25 * 3600_000;

let h: CoreHarness;
beforeAll(async () => {
  h = await startCore();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.control.clearFaults();
});

async function openAuthorization(
  amountCents: number,
  reference: string,
): Promise<{ flow: FlowContext; id: string }> {
  const flow = await h.client.startFlow();
  const verified = await h.client.verifyAccount(flow, {
    format: 'merchant_override',
    accountNumber: ACCOUNT,
  });
  const auth = await h.client.authorize(flow, {
    accountNumber: ACCOUNT,
    amountCents,
    financing: { type: 'promotional_purchase', planId: 4, term: 12 },
    autoCapture: false,
    verificationCode: verified.verificationCode ?? '',
    employeeId: EMPLOYEE,
    reference,
  });
  return { flow, id: auth.authorizationId };
}

/** Runs `call` with every attempt's connection dropped; returns the in-doubt journal entry id. */
async function inDoubt(
  kind: 'drop_after_commit' | 'drop_before_commit',
  glob: string,
  call: () => Promise<unknown>,
) {
  await h.control.fault({ method: 'POST', path: glob, kind, times: 100 });
  try {
    await call();
  } catch (error) {
    expect(isFlexitiCallError(error, 'outcome_unknown')).toBe(true);
    expect((error as { appError: { category: string } }).appError.category).toBe('in_doubt');
    await h.control.clearFaults();
    const id = (error as { journalEntryId?: string }).journalEntryId;
    expect(h.journal.get(id ?? '')?.state).toBe('in_doubt');
    return id ?? '';
  }
  throw new Error('expected the call to end in doubt');
}

describe('reconciler', () => {
  it('replays a lost capture inside the window: confirmed once, not captured twice', async () => {
    const { flow, id } = await openAuthorization(10_000, 'rec-replay');
    const entryId = await inDoubt('drop_after_commit', '**/capture', () =>
      h.client.capture(flow, { authorizationId: id, amountCents: 4_000, employeeId: EMPLOYEE }),
    );
    const report = await h.client.reconcile();
    expect(report.entries).toEqual([expect.objectContaining({ id: entryId, action: 'replayed_confirmed' })]);
    const auth = await h.client.getAuthorization(flow, id);
    expect(auth.captures.map((c) => c.amountCents)).toEqual([4_000]);
    expect(h.journal.get(entryId)?.refs.captureId).toBe(auth.captures[0]?.captureId);
    expect(h.journal.unfinished()).toEqual([]);
  });

  it('after the window, looks captures, returns and releases up on the authorization', async () => {
    const { flow, id } = await openAuthorization(20_000, 'rec-lookup');
    const applied = await inDoubt('drop_after_commit', '**/capture', () =>
      h.client.capture(flow, {
        authorizationId: id,
        amountCents: 7_000,
        employeeId: EMPLOYEE,
        reference: 'rec-lookup',
      }),
    );
    const lost = await inDoubt('drop_before_commit', '**/capture', () =>
      h.client.capture(flow, {
        authorizationId: id,
        amountCents: 3_000,
        employeeId: EMPLOYEE,
        reference: 'rec-lookup',
      }),
    );
    let report = await h.client.reconcile({ now: AFTER_WINDOW });
    const byId = new Map(report.entries.map((e) => [e.id, e]));
    expect(byId.get(applied)?.action).toBe('reconciled_applied');
    expect(byId.get(lost)?.action).toBe('reconciled_not_applied');
    expect(h.journal.get(applied)).toMatchObject({ state: 'reconciled', resolution: 'applied' });
    expect(h.journal.get(lost)).toMatchObject({ state: 'reconciled', resolution: 'not_applied' });

    const auth = await h.client.getAuthorization(flow, id);
    const captureId = auth.captures[0]?.captureId ?? '';
    expect(h.journal.get(applied)?.refs.captureId).toBe(captureId);
    const returned = await inDoubt('drop_after_commit', '**/return', () =>
      h.client.returnCapture(flow, {
        authorizationId: id,
        captureId,
        amountCents: 1_500,
        employeeId: EMPLOYEE,
      }),
    );
    const released = await inDoubt('drop_after_commit', '**/release', () =>
      h.client.release(flow, { authorizationId: id, amountCents: 5_000, employeeId: EMPLOYEE }),
    );
    const notReleased = await inDoubt('drop_before_commit', '**/release', () =>
      h.client.release(flow, { authorizationId: id, amountCents: 1_000, employeeId: EMPLOYEE }),
    );
    report = await h.client.reconcile({ now: AFTER_WINDOW });
    const actions = Object.fromEntries(report.entries.map((e) => [e.id, e.action]));
    expect(actions).toEqual({
      [returned]: 'reconciled_applied',
      [released]: 'reconciled_applied',
      [notReleased]: 'reconciled_not_applied',
    });
    const after = await h.client.getAuthorization(flow, id);
    expect(after).toMatchObject({ capturedCents: 7_000, releasedCents: 5_000 });
    expect(after.captures[0]?.returns.map((r) => r.amountCents)).toEqual([1_500]);
    expect(h.journal.get(returned)?.refs.returnId).toBe(after.captures[0]?.returns[0]?.returnId);
  });

  it('after the window, finds an authorization whose id never arrived by its reference', async () => {
    const flow = await h.client.startFlow();
    const verified = await h.client.verifyAccount(flow, {
      format: 'merchant_override',
      accountNumber: ACCOUNT,
    });
    const authorize = (reference: string) =>
      h.client.authorize(flow, {
        accountNumber: ACCOUNT,
        amountCents: 4_321,
        financing: { type: 'regular_purchase' },
        autoCapture: true,
        verificationCode: verified.verificationCode ?? '',
        employeeId: EMPLOYEE,
        reference,
      });
    const applied = await inDoubt('drop_after_commit', '**/authorization', () => authorize('rec-auth-1'));
    const report = await h.client.reconcile({ now: AFTER_WINDOW });
    expect(report.entries).toEqual([expect.objectContaining({ id: applied, action: 'reconciled_applied' })]);
    const list = await h.client.listAuthorizations(flow, { accountNumber: ACCOUNT, pageSize: 100 });
    const found = list.items.filter((a) => a.reference === 'rec-auth-1');
    expect(found).toHaveLength(1);
    expect(h.journal.get(applied)?.refs).toMatchObject({
      authorizationId: found[0]?.authorizationId,
      captureId: found[0]?.captureId,
    });
  });

  it('looks up instead of retrying when Flexiti reports the idempotency key reused', async () => {
    const { flow, id } = await openAuthorization(5_000, 'rec-reused');
    const key = randomUUID();
    const clientId = DEMO_MERCHANT.clientId;
    const path = `/v2.5/client-id/${clientId}/authorization/${id}/capture?lang=en`;
    // Someone used the key with other bytes first (a capture of 10.00 that the journal knows nothing of).
    const { accessToken } = await h.client.tokens.session();
    const first = JSON.stringify({
      amount: 10,
      external_location_id: 'STORE-001',
      external_employee_id: EMPLOYEE,
    });
    const answer = await fetch(h.client.transport.urlFor(path), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'x-reference-id': flow.referenceId,
        'x-idempotency-key': key,
        'content-type': 'application/json',
      },
      body: first,
    });
    expect(answer.status).toBe(200);
    const entry = h.journal.prepare({
      op: 'capture',
      method: 'POST',
      path,
      body: JSON.stringify({ amount: 20, external_location_id: 'STORE-001', external_employee_id: EMPLOYEE }),
      idempotencyKey: key,
      referenceId: flow.referenceId,
      summary: { amountCents: 2_000 },
    });
    const report = await h.client.reconcile();
    expect(report.entries).toEqual([
      expect.objectContaining({ id: entry.id, action: 'reconciled_not_applied' }),
    ]);
    expect(h.journal.get(entry.id)).toMatchObject({ state: 'reconciled', resolution: 'not_applied' });
    const auth = await h.client.getAuthorization(flow, id);
    expect(auth.captures.map((c) => c.amountCents)).toEqual([1_000]);
  });

  it('leaves what cannot be looked up for a person, and retries later what Flexiti did not answer', async () => {
    const refundId = await inDoubt('drop_before_commit', '**/refund', () =>
      h.client.refund(h.client.newFlow(), { accountNumber: ACCOUNT, amountCents: 100, employeeId: EMPLOYEE }),
    );
    const late = await h.client.reconcile({ now: AFTER_WINDOW });
    expect(late.entries).toEqual([expect.objectContaining({ id: refundId, action: 'needs_manual_check' })]);
    expect(h.journal.get(refundId)?.state).toBe('in_doubt');
    // Inside the window the refund is simply replayed: applied once.
    await h.control.fault({ method: 'POST', path: '**/refund', kind: 'status', status: 503, times: 100 });
    const down = await h.client.reconcile();
    expect(down.stillInDoubt).toBe(1);
    await h.control.clearFaults();
    const before = (await h.control.account(ACCOUNT)).refunds.length;
    const ok = await h.client.reconcile();
    expect(ok.replayedConfirmed).toBe(1);
    expect((await h.control.account(ACCOUNT)).refunds.length).toBe(before + 1);
    expect(h.journal.unfinished()).toEqual([]);
  });
});

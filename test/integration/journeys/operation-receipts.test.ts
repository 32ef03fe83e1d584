/**
 * The customer's receipt after a return, refund or release, through the handler table against the
 * real core and a real sandbox over HTTP: who, where, the account's last 4 digits, the operation
 * and what remains, in the terminal's receipt languages, never the refund's reason.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { CASHIER, Journeys, MANAGER, useJourneys } from './journey-harness';

const MI_ACCOUNT = String(DEMO.accounts.miTester.accountNumber);
let j: Journeys;

useJourneys({ secrets: [MANAGER.pin, CASHIER.pin] }, (started) => {
  j = started;
});

const purchase = (amountCents: number, autoCapture: boolean, orderReference: string) =>
  j.buyAsMiTester(amountCents, autoCapture, orderReference);

describe('receipts after returns, refunds and releases', () => {
  it('gives a partial return its receipt, with the approver and what remains', async () => {
    await j.signIn(MANAGER);
    await j.ok('settings.update', { patch: { storeProvince: 'QC', receipt: { format: 'bilingual' } } });
    await j.signIn(CASHIER);
    const sale = await purchase(12_345, true, 'RC-RET-1');
    const captureId = sale.captureIds[0] ?? '';
    const approval = await j.ok('approval.request', {
      action: 'return',
      managerId: MANAGER.employeeId,
      managerPin: MANAGER.pin,
    });
    const before = Date.now();
    const done = await j.ok('returns.create', {
      authorizationId: sale.authorizationId,
      captureId,
      amountCents: 2_345,
      approval: approval.approval,
    });
    expect(done.receipt).toMatchObject({
      kind: 'return',
      languages: ['fr', 'en'],
      storeProvince: 'QC',
      employeeId: CASHIER.employeeId,
      approverId: MANAGER.employeeId,
      accountLast4: MI_ACCOUNT.slice(-4),
      authorizationId: sale.authorizationId,
      orderReference: 'RC-RET-1',
      amountCents: 2_345,
      returnId: done.returnId,
      captureId,
      remainingCaptureCents: 10_000,
      sale: { heldCents: 0, chargedCents: 10_000 },
    });
    expect(done.receipt.referenceId).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(done.receipt.at)).toBeGreaterThanOrEqual(before - 60_000);
    // Flexiti's own record agrees with what the receipt says remains.
    const flexiti = (await j.ledger(MI_ACCOUNT)).captures.find((c) => String(c.capture_id) === captureId) as
      { remaining_capture_amount_cents: number } | undefined;
    expect(flexiti?.remaining_capture_amount_cents).toBe(done.receipt.remainingCaptureCents);
  });

  it('gives a refund its receipt without the reason, in one language when set so', async () => {
    await j.signIn(MANAGER);
    await j.ok('settings.update', { patch: { storeProvince: 'ON', receipt: { format: 'en' } } });
    const sale = await purchase(8_000, true, 'RC-REF-1');
    const reason = 'Scratched table top';
    const done = await j.ok('refunds.create', {
      source: { kind: 'sale', authorizationId: sale.authorizationId },
      amountCents: 1_500,
      reason,
    });
    expect(done.receipt).toMatchObject({
      kind: 'refund',
      languages: ['en'],
      employeeId: MANAGER.employeeId,
      accountLast4: MI_ACCOUNT.slice(-4),
      authorizationId: sale.authorizationId,
      amountCents: 1_500,
      sale: { heldCents: 0, chargedCents: 6_500 },
    });
    expect(done.receipt.approverId).toBeUndefined();
    expect(JSON.stringify(done.receipt)).not.toContain(reason);
  });

  it('gives a release its receipt with what is still held, following the customer in auto', async () => {
    await j.signIn(MANAGER);
    // The terminal speaks French: only the customer's own lookup can make the receipt English.
    await j.ok('settings.update', {
      patch: { storeProvince: 'ON', language: 'fr', receipt: { format: 'auto' } },
    });
    const sale = await purchase(9_000, false, 'RC-REL-1');
    await j.ok('purchase.capture', { authorizationId: sale.authorizationId, amountCents: 4_000 });
    const done = await j.ok('authorizations.release', {
      authorizationId: sale.authorizationId,
      amountCents: 2_000,
    });
    expect(done.releasedCents).toBe(2_000);
    expect(done.receipt).toMatchObject({
      kind: 'release',
      // MI tester is an Ontario customer who prefers English.
      languages: ['en'],
      amountCents: 2_000,
      authorizationId: sale.authorizationId,
      sale: { heldCents: 3_000, chargedCents: 4_000 },
    });
    expect(done.receipt.returnId).toBeUndefined();
  });

  it('leaks nothing in any answer', () => {
    j.expectNothingLeaked();
  });
});

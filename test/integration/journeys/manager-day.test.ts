/**
 * Closing the day through the handler table, against the real core and a real sandbox: refused
 * while a money operation is in doubt unless the manager gives a reason, recorded once, and only a
 * manager may do it.
 */
import { describe, expect, it } from 'vitest';
import { businessDateOf, defaultTimeZone } from '../../../src/main/core/sales/business-day';
import { CASHIER, Journeys, MANAGER, MITESTER, useJourneys } from './journey-harness';

let j: Journeys;

useJourneys({ secrets: [MANAGER.pin, CASHIER.pin] }, (started) => {
  j = started;
});

describe('day.close', () => {
  it('refuses while an operation is in doubt, then closes with a reason, once', async () => {
    const today = businessDateOf(Date.now(), defaultTimeZone());
    await j.signIn(CASHIER);
    expect(await j.error('day.close', { date: today })).toMatchObject({ code: 'role_not_allowed' });

    const { flowId, account } = await j.findAccount(MITESTER);
    const accountRef = account.accountRef;
    await j.verifyMiTesterByQuestion(flowId, accountRef);
    await j.control('POST', '/faults', {
      method: 'POST',
      path: '**/authorization',
      // Flexiti commits but the answer never arrives: the case that leaves an operation in doubt.
      kind: 'drop_after_commit',
      times: 100,
    });
    const down = await j.error('purchase.authorize', {
      flowId,
      accountRef,
      amountCents: 4_200,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
      orderReference: 'MD-1',
    });
    expect(down.category).toBe('in_doubt');
    await j.control('DELETE', '/faults');

    await j.signIn(MANAGER);
    const pending = (await j.ok('reports.endOfDay', { date: today })).report.inDoubt.length;
    expect(pending).toBeGreaterThan(0);
    expect(await j.error('day.close', { date: today })).toMatchObject({
      category: 'needs_action',
      code: 'in_doubt_pending',
    });
    const closed = await j.ok('day.close', { date: today, reason: 'Flexiti outage, checked by phone' });
    expect(closed.report.closed).toMatchObject({
      businessDate: today,
      managerId: MANAGER.employeeId,
      reason: 'Flexiti outage, checked by phone',
      inDoubtCount: pending,
    });
    expect(await j.error('day.close', { date: today, reason: 'again' })).toMatchObject({
      code: 'already_closed',
    });
    expect((await j.ok('reports.endOfDay', { date: today })).report.closed?.auditHash).toBe(
      closed.report.closed?.auditHash,
    );

    const { rows } = await j.ok('audit.query', { action: 'day_close' });
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'denied']);
    await j.control('DELETE', '/faults');
    await j.ok('journal.reconcile', {});
  });

  it('answered nothing sensitive', () => {
    j.expectNothingLeaked();
  });
});

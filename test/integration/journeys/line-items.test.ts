/**
 * Line items through the real core and a real sandbox over HTTP: the cashier's items reach Flexiti's
 * authorization as sku_data (products, extended prices, register id, totals) and come back on the
 * receipt; a purchase without items sends no sku_data and prints none.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { RequestOf } from '../../../src/shared/ipc/contract';
import { CASHIER, MANAGER, Journeys, useJourneys } from './journey-harness';

const JOHN_ACCOUNT = DEMO.accounts.johnSmith.accountNumber;

type LineItem = NonNullable<RequestOf<'purchase.authorize'>['lineItems']>[number];

let j: Journeys;

useJourneys({ expectNothingLeaked: true, eachTest: { clearFaults: false, signIn: CASHIER } }, (started) => {
  j = started;
});

/** Looks John Smith up, verifies by SMS and prices the amount: ready to authorize. */
const readyToBuy = (amountCents: number) => j.readyToBuyAsJohn(amountCents);

/** John buys on plan 4 over 12 months, captured at once, with these items. */
async function buyWithItems(amountCents: number, orderReference: string, lineItems: LineItem[]) {
  const ready = await readyToBuy(amountCents);
  const { authorization } = await j.ok('purchase.authorize', {
    ...ready,
    amountCents,
    financing: { kind: 'plan', planId: 4, term: 12 },
    autoCapture: true,
    orderReference,
    lineItems,
  });
  return authorization;
}

/** The cashier signs out and the manager signs in on the same terminal. */
async function managerTakesOver(): Promise<void> {
  await j.ok('session.signOut', {});
  await j.signIn(MANAGER);
}

/** What the sandbox stored for the authorization: the body Flexiti received. */
function skuDataAtFlexiti(authorizationId: string): unknown {
  const stored = j.sandbox.state().authorizations.get(Number(authorizationId));
  if (!stored) throw new Error(`the sandbox has no authorization ${authorizationId}`);
  return stored.skuData;
}

describe('line items', () => {
  it('reach Flexiti’s authorization as sku_data and come back on the receipt', async () => {
    const items = [
      { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
      { sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 3, unitPriceCents: 1_250 },
      { sku: 'PROMO-10', quantity: 1, unitPriceCents: -1_000 },
    ];
    const subtotal = 19_999 + 3 * 1_250 - 1_000;
    const amountCents = 25_000;
    const authorization = await buyWithItems(amountCents, 'ORDER-LI-1', items);
    expect(authorization).toMatchObject({ authorizedCents: amountCents, orderReference: 'ORDER-LI-1' });

    expect(skuDataAtFlexiti(authorization.authorizationId)).toEqual({
      register_id: 'REG-01',
      transaction_subtotal: subtotal / 100,
      transaction_total: amountCents / 100,
      products: [
        {
          sku_id: 'TV-32',
          description: 'Televiseur 32 po',
          quantity: 1,
          unit_price: 199.99,
          extended_price: 199.99,
        },
        {
          sku_id: 'HDMI-2M',
          description: 'HDMI cable, 2 m',
          quantity: 3,
          unit_price: 12.5,
          extended_price: 37.5,
        },
        { sku_id: 'PROMO-10', quantity: 1, unit_price: -10, extended_price: -10 },
      ],
    });

    const { receipt } = await j.ok('purchase.receipt', { authorizationId: authorization.authorizationId });
    expect(receipt.lineItems).toEqual(items);
    expect(receipt.authorization.authorizationId).toBe(authorization.authorizationId);

    // The manager's sale view lists them too, from the sales ledger.
    await managerTakesOver();
    const found = await j.ok('sales.search', { referencePrefix: 'ORDER-LI-1', page: 1, pageSize: 10 });
    expect(found.sales.map((sale) => [sale.authorizationId, sale.lineItems])).toEqual([
      [authorization.authorizationId, items],
    ]);
  });

  it('go back with a return as negative sku_data, on its receipt, and only as many as were sold', async () => {
    const items = [
      { sku: 'DRILL-18V', description: 'Cordless drill', quantity: 1, unitPriceCents: 12_999 },
      { sku: 'BIT-SET', quantity: 2, unitPriceCents: 2_500 },
    ];
    const amountCents = 17_999;
    const authorization = await buyWithItems(amountCents, 'ORDER-LI-RET', items);
    await managerTakesOver();
    const { sale } = await j.ok('sales.get', { authorizationId: authorization.authorizationId });
    const captureId = sale.captures[0]?.captureId ?? '';
    const returnsAtFlexiti = () => j.sandbox.state().captures.get(Number(captureId))?.returns ?? [];

    // More bits than were sold, or an item from elsewhere: refused before anything is sent.
    const target = { authorizationId: authorization.authorizationId, captureId, amountCents: 2_500 };
    for (const lineItems of [
      [{ sku: 'BIT-SET', quantity: 3, unitPriceCents: 2_500 }],
      [{ sku: 'SAW', quantity: 1, unitPriceCents: 2_500 }],
    ]) {
      expect(await j.error('returns.create', { ...target, full: false, lineItems })).toMatchObject({
        category: 'needs_action',
        code: 'items_not_in_sale',
      });
    }
    expect(returnsAtFlexiti()).toHaveLength(0);

    const back = [{ sku: 'BIT-SET', quantity: 1, unitPriceCents: 2_500 }];
    const done = await j.ok('returns.create', { ...target, full: false, lineItems: back });
    expect(done.returnedCents).toBe(2_500);
    expect(returnsAtFlexiti().map((r) => r.skuData)).toEqual([
      {
        register_id: 'REG-01',
        transaction_subtotal: -25,
        transaction_total: -25,
        products: [{ sku_id: 'BIT-SET', quantity: 1, unit_price: 25, extended_price: 25 }],
      },
    ]);
    expect(done.receipt.lineItems).toEqual(back);
    expect(done.sale.returnedLineItems).toEqual(back);

    // One of the two bits is back already: two more cannot come back, one can.
    const two = [{ sku: 'BIT-SET', quantity: 2, unitPriceCents: 2_500 }];
    expect(
      await j.error('returns.create', { ...target, full: false, amountCents: 5_000, lineItems: two }),
    ).toMatchObject({ code: 'items_not_in_sale' });
    expect(returnsAtFlexiti()).toHaveLength(1);
    await j.ok('returns.create', { ...target, full: false, lineItems: back });
    const after = await j.ok('sales.get', { authorizationId: authorization.authorizationId });
    expect(after.sale.returnedLineItems).toEqual([{ sku: 'BIT-SET', quantity: 2, unitPriceCents: 2_500 }]);
    const audit = await j.ok('audit.query', { action: 'return', page: 1, pageSize: 20 });
    expect(audit.rows.find((row) => row.returnId === done.returnId)?.detail).toEqual({
      fullReturn: false,
      lineItems: 1,
    });
  });

  it('sends no sku_data and prints no items for a purchase without them', async () => {
    const ready = await readyToBuy(5_000);
    const { authorization } = await j.ok('purchase.authorize', {
      ...ready,
      amountCents: 5_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: false,
      lineItems: [],
    });
    expect(skuDataAtFlexiti(authorization.authorizationId)).toBeUndefined();
    const { receipt } = await j.ok('purchase.receipt', { authorizationId: authorization.authorizationId });
    expect(receipt).not.toHaveProperty('lineItems');
  });

  it('refuses items that are not ASCII before anything is sent to Flexiti', async () => {
    const ready = await readyToBuy(5_000);
    const before = (await j.ledger(JOHN_ACCOUNT)).authorizations.length;
    const refused = await j.raw('purchase.authorize', {
      ...ready,
      amountCents: 5_000,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
      lineItems: [{ sku: 'CRÈME', quantity: 1, unitPriceCents: 5_000 }],
    });
    expect(refused.ok).toBe(false);
    expect((await j.ledger(JOHN_ACCOUNT)).authorizations).toHaveLength(before);
  });
});

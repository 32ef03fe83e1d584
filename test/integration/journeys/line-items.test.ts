/**
 * Line items through the real core and a real sandbox over HTTP: the cashier's items reach Flexiti's
 * authorization as sku_data (products, extended prices, register id, totals) and come back on the
 * receipt; a purchase without items sends no sku_data and prints none.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { CASHIER, MANAGER, Journeys, useJourneys } from './journey-harness';

const JOHN_ACCOUNT = DEMO.accounts.johnSmith.accountNumber;

let j: Journeys;

useJourneys({ expectNothingLeaked: true, eachTest: { clearFaults: false, signIn: CASHIER } }, (started) => {
  j = started;
});

/** Looks John Smith up, verifies by SMS and prices the amount: ready to authorize. */
const readyToBuy = (amountCents: number) => j.readyToBuyAsJohn(amountCents);

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
    const ready = await readyToBuy(amountCents);
    const { authorization } = await j.ok('purchase.authorize', {
      ...ready,
      amountCents,
      financing: { kind: 'plan', planId: 4, term: 12 },
      autoCapture: true,
      orderReference: 'ORDER-LI-1',
      lineItems: items,
    });
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
    await j.ok('session.signOut', {});
    await j.signIn(MANAGER);
    const found = await j.ok('sales.search', { referencePrefix: 'ORDER-LI-1', page: 1, pageSize: 10 });
    expect(found.sales.map((sale) => [sale.authorizationId, sale.lineItems])).toEqual([
      [authorization.authorizationId, items],
    ]);
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

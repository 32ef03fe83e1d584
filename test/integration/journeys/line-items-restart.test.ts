/**
 * Line items outlive the app: a purchase with items through the real core and a real sandbox over
 * HTTP, the core closed, a new core opened on the same data directory (and keychain), and the receipt
 * printed then still lists the items, read back from the sales ledger. Flexiti never returns them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainVault } from '../../../src/main/core/credentials/credential-vault';
import type { Sender } from '../../../src/main/core/handlers/handler-types';
import { contract } from '../../../src/shared/ipc/contract';
import { ipcResultSchema } from '../../../src/shared/ipc/result';
import { memoryKeychain, startCore, type CoreHarness } from '../helpers/core-harness';
import { CASHIER, Journeys } from './journey-harness';

const IPC: Sender = { kind: 'ipc', trusted: true };
// One keychain for both starts: the journal's key and the credentials live there, as on a terminal.
const vault = createKeychainVault({ keychain: memoryKeychain(), servicePrefix: 'flexiti-in-store-test' });

let j: Journeys;
let firstOpen = false;
let restarted: CoreHarness | undefined;

beforeAll(async () => {
  j = await Journeys.start({ vault });
  firstOpen = true;
});

afterAll(async () => {
  if (firstOpen) await j?.harness.core.close();
  await restarted?.core.close();
  await j?.sandbox.close();
  if (j) rmSync(j.harness.dataDir, { recursive: true, force: true });
});

/** Looks John Smith up, verifies by SMS and prices the amount: ready to authorize. */
const readyToBuy = (amountCents: number) => j.readyToBuyAsJohn(amountCents);

/** A receipt from the restarted core, checked against the contract. */
async function receiptAfterRestart(core: CoreHarness, authorizationId: string) {
  const result = await core.core.handle('purchase.receipt', { authorizationId }, IPC);
  const parsed = ipcResultSchema(contract['purchase.receipt'].response).safeParse(result);
  expect(parsed.success, JSON.stringify(result)).toBe(true);
  if (!result.ok) throw new Error(`purchase.receipt failed: ${JSON.stringify(result.error)}`);
  return (result.value as { receipt: { lineItems?: unknown; authorization: { authorizationId: string } } })
    .receipt;
}

describe('line items after a restart', () => {
  it('are still on the receipt, from the sales ledger; a sale without items still prints none', async () => {
    await j.signIn(CASHIER);
    const items = [
      { sku: 'TV-32', description: 'Televiseur 32 po', quantity: 1, unitPriceCents: 19_999 },
      { sku: 'HDMI-2M', description: 'HDMI cable, 2 m', quantity: 3, unitPriceCents: 1_250 },
      { sku: 'PROMO-10', quantity: 1, unitPriceCents: -1_000 },
    ];
    const withItems = (
      await j.ok('purchase.authorize', {
        ...(await readyToBuy(25_000)),
        amountCents: 25_000,
        financing: { kind: 'plan', planId: 4, term: 12 },
        autoCapture: true,
        orderReference: 'ORDER-LI-RESTART',
        lineItems: items,
      })
    ).authorization;
    const without = (
      await j.ok('purchase.authorize', {
        ...(await readyToBuy(5_000)),
        amountCents: 5_000,
        financing: { kind: 'plan', planId: 4, term: 12 },
        autoCapture: false,
      })
    ).authorization;
    // Before the restart the in-memory record answers.
    expect(
      (await j.ok('purchase.receipt', { authorizationId: withItems.authorizationId })).receipt.lineItems,
    ).toEqual(items);
    j.expectNothingLeaked();

    const dataDir = j.harness.dataDir;
    await j.harness.core.close();
    firstOpen = false;
    restarted = await startCore({ dataDir, vault, sandbox: { url: j.sandbox.url } });
    const signIn = await restarted.core.handle(
      'session.signIn',
      { employeeId: CASHIER.employeeId, pin: CASHIER.pin },
      IPC,
    );
    expect(signIn.ok).toBe(true);

    const receipt = await receiptAfterRestart(restarted, withItems.authorizationId);
    expect(receipt.authorization.authorizationId).toBe(withItems.authorizationId);
    expect(receipt.lineItems).toEqual(items);

    const plain = await receiptAfterRestart(restarted, without.authorizationId);
    expect(plain.authorization.authorizationId).toBe(without.authorizationId);
    expect(plain).not.toHaveProperty('lineItems');
  });
});

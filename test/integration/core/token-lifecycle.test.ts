/**
 * The token manager against the sandbox's real token endpoint, with the sandbox clock and the
 * client's clock advanced together: proactive refresh, rotation, re-authentication after expiry,
 * single flight, the 401 retry, clock jumps, and a whole 8-hour shift without a 401 reaching a caller.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import type { TokenClock } from '../../../src/main/core/flexiti/token-manager';
import { normalizeApiRoot } from '../../../src/main/core/settings/api-root';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { demoCredentials, fastPolicy, startCore, TERMINAL, type CoreHarness } from './core-harness';

const ACCOUNT = DEMO.accounts.miTester.accountNumber;
const LIFETIME = 1200;

let h: CoreHarness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(async () => {
  await h.close();
});

async function sandbox401s(): Promise<number> {
  const stats = (await h.control.request('GET', '/stats')) as {
    endpoints: Array<{ endpoint: string; statuses: Record<string, number> }>;
  };
  return stats.endpoints.reduce((sum, e) => sum + (e.statuses['401'] ?? 0), 0);
}

async function lookup(client: FlexitiClient = h.client): Promise<void> {
  const customer = await client.lookupCustomer(client.newFlow(), { by: 'account', accountNumber: ACCOUNT });
  expect(customer.accountNumber).toBe(String(ACCOUNT));
}

describe('token lifecycle', () => {
  it('refreshes proactively 60 s before expiry, and each refresh uses the rotated refresh token', async () => {
    await lookup();
    expect(h.client.tokens.stats).toMatchObject({ clientCredentialsGrants: 1, refreshGrants: 0 });
    await h.advance(LIFETIME - 120);
    await lookup();
    // Still young enough: no token call.
    expect(await h.control.count('A1 POST')).toBe(1);
    await h.advance(61);
    await lookup();
    expect(h.client.tokens.stats).toMatchObject({ clientCredentialsGrants: 1, refreshGrants: 1 });
    // A second refresh only succeeds with the refresh token the first one returned (the old one is spent).
    await h.advance(LIFETIME - 59);
    await lookup();
    expect(h.client.tokens.stats).toMatchObject({
      clientCredentialsGrants: 1,
      refreshGrants: 2,
      refreshFallbacks: 0,
    });
    expect(await h.control.statuses('A1 POST')).toEqual({ '200': 3 });
    expect(await sandbox401s()).toBe(0);
  });

  it('re-authenticates with client credentials once the token has expired (no refresh attempt)', async () => {
    await lookup();
    await h.advance(LIFETIME + 30);
    await lookup();
    expect(h.client.tokens.stats).toMatchObject({ clientCredentialsGrants: 2, refreshGrants: 0 });
    expect(await sandbox401s()).toBe(0);
  });

  it('refreshes at the start of a customer flow', async () => {
    await lookup();
    await h.advance(300);
    await h.client.startFlow();
    expect(h.client.tokens.stats.refreshGrants).toBe(1);
    // A token issued moments ago is kept.
    await h.client.startFlow();
    expect(h.client.tokens.stats.refreshGrants).toBe(1);
  });

  it('sends exactly one token request for 100 concurrent callers', async () => {
    const before = await h.control.count('A1 POST');
    await Promise.all(Array.from({ length: 100 }, () => lookup()));
    expect((await h.control.count('A1 POST')) - before).toBe(1);
    // And one refresh for 100 concurrent callers once the token is due.
    await h.advance(LIFETIME - 30);
    await Promise.all(Array.from({ length: 100 }, () => lookup()));
    expect((await h.control.count('A1 POST')) - before).toBe(2);
    expect(await sandbox401s()).toBe(0);
  });

  it('retries once with a new token when Flexiti refuses the token (401), invisibly to the caller', async () => {
    await lookup();
    await h.control.reset(); // forgets every token the sandbox issued
    await lookup();
    expect(h.client.tokens.stats.retriedAfter401).toBe(1);
    expect(await h.control.statuses('C2 GET')).toEqual({ '200': 1, '401': 1 });
  });

  it('never trusts a wall clock that jumped back, nor a monotonic clock that paused during sleep', async () => {
    let wall = 0;
    let mono = 0;
    const clock: TokenClock = { wallNow: () => Date.now() + wall, monoNow: () => performance.now() + mono };
    const client = new FlexitiClient({
      apiRoot: normalizeApiRoot(h.sandbox.url),
      credentials: demoCredentials,
      journal: h.journal,
      terminal: TERMINAL,
      clock,
      journalPolicy: fastPolicy(),
    });
    await lookup(client);
    // Wall clock set back an hour while 21 minutes really passed.
    await h.control.advanceClock(LIFETIME + 60);
    wall -= 3600_000;
    mono += (LIFETIME + 60) * 1000;
    await lookup(client);
    // Terminal asleep 21 minutes: the monotonic clock stood still, the wall clock did not.
    await h.control.advanceClock(LIFETIME + 60);
    wall += (LIFETIME + 60) * 1000 + 3600_000;
    await lookup(client);
    expect(client.tokens.stats).toMatchObject({ clientCredentialsGrants: 3, retriedAfter401: 0 });
    expect(await sandbox401s()).toBe(0);
  });

  it('lets no 401 reach a caller over a simulated 8-hour shift with long idle gaps', async () => {
    let rng = 42;
    const random = () => {
      rng = (rng * 1103515245 + 12345) % 2 ** 31;
      return rng / 2 ** 31;
    };
    const shift = 8 * 3600;
    let elapsed = 0;
    let calls = 0;
    let longGaps = 0;
    while (elapsed < shift) {
      // Mostly busy minutes, sometimes an idle stretch of 20-45 minutes.
      const gap = random() < 0.15 ? 1200 + Math.floor(random() * 1500) : 30 + Math.floor(random() * 600);
      if (gap > 1200) longGaps++;
      await h.advance(gap);
      elapsed += gap;
      const flow = random() < 0.5 ? await h.client.startFlow() : h.client.newFlow();
      const burst = 1 + Math.floor(random() * 4);
      await Promise.all(
        Array.from({ length: burst }, (_, i) =>
          i % 2 === 0
            ? h.client.lookupCustomer(flow, { by: 'account', accountNumber: ACCOUNT })
            : h.client.calculateInterest(flow, { accountNumber: ACCOUNT, amountCents: 25_000 }),
        ),
      );
      calls += burst;
    }
    const tokenCalls = await h.control.count('A1 POST');
    console.log(
      `8-hour shift: ${calls} calls, ${longGaps} gaps over 20 min, ${tokenCalls} token requests`,
      h.client.tokens.stats,
    );
    expect(longGaps).toBeGreaterThan(3);
    expect(h.client.tokens.stats.retriedAfter401).toBe(0);
    expect(await sandbox401s()).toBe(0);
  });
});

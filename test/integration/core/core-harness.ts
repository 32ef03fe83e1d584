/**
 * Test wiring for the core against a real sandbox over HTTP: a sandbox on port 0, a journal, the real
 * Flexiti client, and a clock that moves together with POST /sandbox/clock.
 */
import { randomBytes } from 'node:crypto';
import { Journal } from '../../../src/main/core/journal/journal';
import type { JournaledPolicy } from '../../../src/main/core/journal/journaled-call';
import { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import type { TokenClock } from '../../../src/main/core/flexiti/token-manager';
import { normalizeApiRoot } from '../../../src/main/core/settings/api-root';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';

export const DEMO_MERCHANT = DEMO.merchants.demo;
export const demoCredentials = async () => ({
  clientId: DEMO_MERCHANT.clientId,
  clientSecret: DEMO_MERCHANT.clientSecret,
});

/** Wall and monotonic time plus an offset the test advances in step with the sandbox clock. */
export class SteppedClock implements TokenClock {
  private offsetMs = 0;
  wallNow(): number {
    return Date.now() + this.offsetMs;
  }
  monoNow(): number {
    return performance.now() + this.offsetMs;
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

export class SandboxControl {
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  reset(): Promise<unknown> {
    return this.request('POST', '/reset');
  }

  advanceClock(seconds: number): Promise<unknown> {
    return this.request('POST', '/clock', { advance_seconds: seconds });
  }

  fault(fault: {
    method?: string;
    path: string;
    kind: 'status' | 'latency' | 'drop_before_commit' | 'drop_after_commit';
    status?: number;
    latency_ms?: number;
    times?: number;
  }): Promise<unknown> {
    return this.request('POST', '/faults', fault);
  }

  clearFaults(): Promise<unknown> {
    return this.request('DELETE', '/faults');
  }

  /** Requests counted for one endpoint id (e.g. 'A1 POST'), all statuses. */
  async count(endpoint: string): Promise<number> {
    const stats = (await this.request('GET', '/stats')) as {
      endpoints: Array<{ endpoint: string; count: number }>;
    };
    return stats.endpoints.find((e) => e.endpoint === endpoint)?.count ?? 0;
  }

  async statuses(endpoint: string): Promise<Record<string, number>> {
    const stats = (await this.request('GET', '/stats')) as {
      endpoints: Array<{ endpoint: string; statuses: Record<string, number> }>;
    };
    return stats.endpoints.find((e) => e.endpoint === endpoint)?.statuses ?? {};
  }

  account(accountNumber: number): Promise<SandboxAccountReport> {
    return this.request('GET', `/accounts/${accountNumber}`) as Promise<SandboxAccountReport>;
  }

  async outbox(): Promise<unknown> {
    return this.request('GET', '/outbox');
  }
}

export interface SandboxAccountReport {
  account_number: number;
  posted_balance_cents: number;
  open_holds_cents: number;
  available_credit_cents: number;
  authorizations: Array<{
    authorization_id: number;
    status: string;
    reference: string | null;
    authorized_amount_cents: number;
    captured_amount_cents: number;
    released_amount_cents: number;
    capture_ids: number[];
  }>;
  captures: Array<{
    capture_id: number;
    authorization_id: number;
    amount_cents: number;
    returns: Array<{ return_id: number; amount_cents: number }>;
  }>;
  refunds: Array<{ refund_id: number; capture_id: number | null; amount_cents: number }>;
  transactions: Array<{ transaction_id: number; amount_cents: number }>;
}

export interface CoreHarness {
  sandbox: RunningSandbox;
  control: SandboxControl;
  journal: Journal;
  clock: SteppedClock;
  client: FlexitiClient;
  /** Moves the sandbox clock and the client's clock together. */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export const TERMINAL = { locationId: 'STORE-001', registerId: 'REG-01' };

export function fastPolicy(): Partial<JournaledPolicy> {
  return { baseDelayMs: 5, maxDelayMs: 40, attemptTimeoutMs: 5_000 };
}

export async function startCore(
  options: { journalFile?: string; credentials?: typeof demoCredentials; sandbox?: RunningSandbox } = {},
): Promise<CoreHarness> {
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0 }));
  const control = new SandboxControl(sandbox.url);
  const journal = Journal.open(options.journalFile ?? ':memory:', randomBytes(32));
  const clock = new SteppedClock();
  const client = new FlexitiClient({
    apiRoot: normalizeApiRoot(sandbox.url),
    credentials: options.credentials ?? demoCredentials,
    journal,
    terminal: TERMINAL,
    clock,
    timeouts: { tokenMs: 3_000, readMs: 3_000, mutateMs: 3_000 },
    journalPolicy: fastPolicy(),
  });
  return {
    sandbox,
    control,
    journal,
    clock,
    client,
    async advance(seconds: number) {
      await control.advanceClock(seconds);
      clock.advance(seconds);
    },
    async close() {
      journal.close();
      if (!options.sandbox) await sandbox.close();
    },
  };
}

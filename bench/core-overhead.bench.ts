/**
 * What our stack costs on top of the network: the same lookup and capture sent to the sandbox as a
 * raw fetch and through the Flexiti client (validation, token manager, lenient parsing, and for the
 * capture the journal with its fsync'd writes). Calls alternate raw/ours so drift hits both alike.
 * The overhead of each call is measured within that call: its total time minus the time spent in
 * fetch and reading the body, so a shared, noisy machine does not swamp a difference of medians.
 * The sandbox runs in its own process, as Flexiti would, so its work is not billed to our stack.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlexitiClient } from '../src/main/core/flexiti/flexiti-client';
import { bodyContextHash } from '../src/main/core/journal/journaled-call';
import { Journal } from '../src/main/core/journal/journal';
import { normalizeApiRoot } from '../src/main/core/settings/api-root';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO } from '../src/sandbox/state/demo-data';
import { createAppCore } from '../src/main/core/app-core';
import type { CredentialVault } from '../src/main/core/credentials/credential-vault';
import { silentLogger } from '../src/main/core/logging/logger';
import { percentile, type BenchSection } from './bench-types';

const CALLS = 300;
const WARMUP = 30;
const ACCOUNT = DEMO.accounts.miTester.accountNumber;
const MERCHANT = DEMO.merchants.demo;

interface Pair {
  raw: number[];
  ours: number[];
  /** Per call of ours: total minus time on the wire (fetch + body). */
  overhead: number[];
}

const newPair = (): Pair => ({ raw: [], ours: [], overhead: [] });

function summary(name: string, pair: Pair) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const raw = sorted(pair.raw);
  const ours = sorted(pair.ours);
  const overhead = sorted(pair.overhead);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    scenario: name,
    calls: pair.raw.length,
    raw_p50_ms: r(percentile(raw, 50)),
    ours_p50_ms: r(percentile(ours, 50)),
    raw_p99_ms: r(percentile(raw, 99)),
    ours_p99_ms: r(percentile(ours, 99)),
    overhead_p50_ms: r(percentile(overhead, 50)),
    overhead_p99_ms: r(percentile(overhead, 99)),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** fetch that also reads the body, timing both: the "wire" share of a call through our stack. */
function wireTimer(): { fetch: typeof fetch; take(): number } {
  let wire = 0;
  const timedFetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const start = performance.now();
    try {
      const response = await fetch(input, init);
      const text = await response.text();
      return new Response(text, { status: response.status, headers: response.headers });
    } finally {
      wire += performance.now() - start;
    }
  }) as typeof fetch;
  return {
    fetch: timedFetch,
    take() {
      const value = wire;
      wire = 0;
      return value;
    },
  };
}

async function measureOurs(pair: Pair, wire: ReturnType<typeof wireTimer>, fn: () => Promise<unknown>) {
  wire.take();
  const total = await timed(fn);
  pair.ours.push(total);
  pair.overhead.push(total - wire.take());
}

/** A keychain stand-in: the demo environment needs only the journal key. */
function memoryVault(): CredentialVault {
  const key = randomBytes(32);
  return {
    status: async () => ({ stored: false }),
    readCredentials: async () => null,
    storeCredentials: async () => {},
    deleteCredentials: async () => {},
    getOrCreateJournalKey: async () => key,
  };
}

/**
 * customers.lookup through the whole core (handler table: contract validation, roles, flows, the
 * client) against the same sandbox: overhead per call = total − time on the wire.
 */
async function throughHandlerTable(
  sandboxUrl: string,
  dir: string,
  rawLookup: () => Promise<void>,
): Promise<Pair> {
  const wire = wireTimer();
  const core = await createAppCore({
    dataDir: join(dir, 'app'),
    provisioningFile: join(dir, 'no-provisioning.json'),
    vault: memoryVault(),
    sandbox: { url: sandboxUrl },
    logger: silentLogger,
    fetch: wire.fetch,
  });
  try {
    await core.ready;
    const sender = { kind: 'ipc' as const, trusted: true };
    const must = async (channel: string, payload: unknown) => {
      const result = await core.handle(channel, payload, sender);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as Record<string, unknown>;
    };
    await must('setup.createFirstManager', { employeeId: 'E200', name: 'Bench Manager', pin: '482913' });
    const { flowId } = await must('flow.start', {});
    const lookup = () => must('customers.lookup', { flowId, by: 'account', number: String(ACCOUNT) });
    const pair = newPair();
    for (let i = 0; i < WARMUP; i++) await lookup();
    for (let i = 0; i < CALLS; i++) {
      pair.raw.push(await timed(rawLookup));
      await measureOurs(pair, wire, lookup);
    }
    return pair;
  } finally {
    await core.close();
  }
}

/** Starts `src/sandbox/cli.ts --port 0` and waits for its one "listening on <url>" line. */
async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const cli = fileURLToPath(new URL('../src/sandbox/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /listening on (\S+)/.exec(buffered);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
    child.once('error', reject);
  });
  return { url, child };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export default async function (): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'core-overhead-'));
  const sandbox = await startSandboxProcess();
  const journal = Journal.open(join(dir, 'journal.db'), randomBytes(32));
  const memoryJournal = Journal.open(':memory:', randomBytes(32));
  try {
    const apiRoot = normalizeApiRoot(sandbox.url);
    const wire = wireTimer();
    const client = new FlexitiClient({
      apiRoot,
      credentials: async () => ({ clientId: MERCHANT.clientId, clientSecret: MERCHANT.clientSecret }),
      journal,
      terminal: { locationId: 'STORE-001', registerId: 'BENCH' },
      fetch: wire.fetch,
    });
    // The raw baseline uses the client's own token, so both sides hit the same sandbox state.
    const { accessToken } = await client.tokens.session();
    const referenceId = randomUUID().replace(/-/g, '');
    const headers = {
      authorization: `Bearer ${accessToken}`,
      'x-reference-id': referenceId,
      accept: 'application/json',
    };
    const lookupUrl = `${apiRoot}v2.5/client-id/${MERCHANT.clientId}/customers/lookup?account_number=${ACCOUNT}&lang=en`;
    const rawLookup = async () => {
      const response = await fetch(lookupUrl, { headers });
      JSON.parse(await response.text());
      if (response.status !== 200) throw new Error(`raw lookup ${response.status}`);
    };
    const flow = client.newFlow();
    const oursLookup = () => client.lookupCustomer(flow, { by: 'account', accountNumber: ACCOUNT });

    // One large open authorization; each capture takes one cent of it.
    const purchase = await client.startFlow();
    const verified = await client.verifyAccount(purchase, {
      format: 'merchant_override',
      accountNumber: ACCOUNT,
    });
    const auth = await client.authorize(purchase, {
      accountNumber: ACCOUNT,
      amountCents: 100_000,
      financing: { type: 'promotional_purchase', planId: 4, term: 12 },
      autoCapture: false,
      verificationCode: verified.verificationCode ?? '',
      employeeId: MERCHANT.employees.cashier,
    });
    const captureUrl = `${apiRoot}v2.5/client-id/${MERCHANT.clientId}/authorization/${auth.authorizationId}/capture?lang=en`;
    const rawCapture = async () => {
      const body = JSON.stringify({
        amount: 0.01,
        external_location_id: 'STORE-001',
        external_employee_id: 'E100',
      });
      const response = await fetch(captureUrl, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'x-idempotency-key': randomUUID(),
          'x-context-hash': bodyContextHash(body),
        },
        body,
      });
      JSON.parse(await response.text());
      if (response.status !== 200) throw new Error(`raw capture ${response.status}`);
    };
    const oursCapture = () =>
      client.capture(purchase, {
        authorizationId: auth.authorizationId,
        amountCents: 1,
        employeeId: MERCHANT.employees.cashier,
        accountNumber: ACCOUNT,
      });

    // The same stack with the journal in memory: what our code costs without the disk's fsync.
    const inMemory = new FlexitiClient({
      apiRoot,
      credentials: async () => ({ clientId: MERCHANT.clientId, clientSecret: MERCHANT.clientSecret }),
      journal: memoryJournal,
      terminal: { locationId: 'STORE-001', registerId: 'BENCH' },
      fetch: wire.fetch,
    });
    const oursCaptureNoFsync = () =>
      inMemory.capture(purchase, {
        authorizationId: auth.authorizationId,
        amountCents: 1,
        employeeId: MERCHANT.employees.cashier,
        accountNumber: ACCOUNT,
      });

    const lookup = newPair();
    const capture = newPair();
    const captureNoFsync = newPair();
    for (let i = 0; i < WARMUP; i++) {
      await rawLookup();
      await oursLookup();
    }
    for (let i = 0; i < CALLS; i++) {
      lookup.raw.push(await timed(rawLookup));
      await measureOurs(lookup, wire, oursLookup);
    }
    for (let i = 0; i < WARMUP / 3; i++) {
      await rawCapture();
      await oursCapture();
      await oursCaptureNoFsync();
    }
    for (let i = 0; i < CALLS; i++) {
      capture.raw.push(await timed(rawCapture));
      await measureOurs(capture, wire, oursCapture);
      captureNoFsync.raw.push(await timed(rawCapture));
      await measureOurs(captureNoFsync, wire, oursCaptureNoFsync);
    }
    let viaTable: Pair | null = null;
    let tableNote = '';
    try {
      viaTable = await throughHandlerTable(sandbox.url, dir, rawLookup);
    } catch (error) {
      // The handler table belongs to another part of the core; report rather than fail the bench.
      tableNote = error instanceof Error ? error.message.slice(0, 80) : 'failed';
    }
    const rows: Array<Record<string, string | number>> = [
      summary('customers/lookup', lookup),
      summary('capture (journal on disk: one fsynced write before sending)', capture),
      summary('capture (journal in memory: our code only)', captureNoFsync),
      viaTable
        ? summary('customers.lookup via the handler table', viaTable)
        : { scenario: 'customers.lookup via the handler table', note: `not measured: ${tableNote}` },
    ];
    const l = summary('customers/lookup', lookup);
    const c = summary('capture', capture);
    const t = viaTable ? summary('handler table', viaTable) : null;
    return {
      name: 'Core overhead over a raw fetch (validation + token manager + client + journal)',
      rows,
      targets: [
        { metric: 'lookup overhead p50', value: l.overhead_p50_ms, target: 2, unit: 'ms', kind: 'max' },
        { metric: 'lookup overhead p99', value: l.overhead_p99_ms, target: 5, unit: 'ms', kind: 'max' },
        { metric: 'capture overhead p50', value: c.overhead_p50_ms, target: 2, unit: 'ms', kind: 'max' },
        { metric: 'capture overhead p99', value: c.overhead_p99_ms, target: 5, unit: 'ms', kind: 'max' },
        ...(t
          ? [
              {
                metric: 'lookup via handler table overhead p50',
                value: t.overhead_p50_ms,
                target: 2,
                unit: 'ms',
                kind: 'max' as const,
              },
              {
                metric: 'lookup via handler table overhead p99',
                value: t.overhead_p99_ms,
                target: 5,
                unit: 'ms',
                kind: 'max' as const,
              },
            ]
          : []),
      ],
    };
  } finally {
    journal.close();
    memoryJournal.close();
    await stopProcess(sandbox.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

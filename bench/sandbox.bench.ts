/**
 * Sandbox throughput under load: the sandbox runs in its own process (`src/sandbox/cli.ts --port 0`) so
 * the load generator does not share its event loop. Scenarios: token requests, customers/lookup at 50
 * connections, and a purchase mix (verify → authorization with auto_capture; verify → authorization →
 * capture) against a bench customer with a large credit limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchSection } from './bench-types';

const ROOT = join(import.meta.dirname, '..');
const REFERENCE_ID = 'bench0123456789abcdef0123456789a';
const CLIENT_ID = 'flexitidemo';
const CLIENT_SECRET = '77xde15a-9d33-4c15-930a-3se4b3as33e9';
const LOOKUP_CONNECTIONS = 50;
const LOOKUP_SECONDS = 10;

interface Scenario {
  scenario: string;
  connections: number;
  duration_s: number;
  requests: number;
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  /** The machine's 1-minute load average after the run: tail latency depends on it. */
  load_1m: number;
}

async function startChild(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/sandbox/cli.ts'), '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sandbox did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`sandbox exited early (${code})`)));
    lines.on('line', (line) => {
      const match = /^Flexiti sandbox listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, child };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function getToken(url: string): Promise<string> {
  const res = await fetch(`${url}/flexiti/pos-api/v2.5/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-reference-id': REFERENCE_ID },
    body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString(),
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

function summarize(name: string, connections: number, seconds: number, r: autocannon.Result): Scenario {
  return {
    scenario: name,
    connections,
    duration_s: seconds,
    requests: r.requests.total,
    req_per_s: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    load_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function tokenScenario(url: string): Promise<Scenario> {
  const seconds = 5;
  const connections = 10;
  const result = await run({
    url: `${url}/flexiti/pos-api/v2.5/oauth/token`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-reference-id': REFERENCE_ID },
    body: new URLSearchParams({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: 'client_credentials',
    }).toString(),
  });
  return summarize('oauth/token', connections, seconds, result);
}

async function lookupScenario(url: string, token: string): Promise<Scenario> {
  const result = await run({
    url: `${url}/flexiti/pos-api/v2.5/client-id/${CLIENT_ID}/customers/lookup?account_number=116994755`,
    connections: LOOKUP_CONNECTIONS,
    duration: LOOKUP_SECONDS,
    headers: { authorization: `Bearer ${token}`, 'x-reference-id': REFERENCE_ID },
  });
  return summarize('customers/lookup', LOOKUP_CONNECTIONS, LOOKUP_SECONDS, result);
}

/** verify (merchant_override) → authorization auto_capture; verify → authorization → capture. */
async function purchaseScenario(url: string, token: string): Promise<Scenario> {
  const created = await fetch(`${url}/sandbox/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      first_name: 'Bench',
      last_name: 'Buyer',
      dob: '1980-01-01',
      credit_limit: 999_999_999,
      risk_rating: 'L',
    }),
  });
  const { account_number: account } = (await created.json()) as { account_number: number };
  const base = `/flexiti/pos-api`;
  const headers = {
    authorization: `Bearer ${token}`,
    'x-reference-id': REFERENCE_ID,
    'content-type': 'application/json',
  };
  let counter = 0;
  type Ctx = { requestId?: string; pin?: string; authorizationId?: number };
  const verify = (): autocannon.Request => ({
    method: 'POST',
    path: `${base}/v2.5/client-id/${CLIENT_ID}/account/${account}/verify`,
    headers,
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      ctx.requestId = `bench-${process.pid}-${++counter}`;
      return { ...req, body: JSON.stringify({ format: 'merchant_override', request_id: ctx.requestId }) };
    },
    onResponse: (_status, body, context) => {
      (context as Ctx).pin = String(
        (JSON.parse(body) as { verification_code?: unknown }).verification_code ?? '',
      );
    },
  });
  const authorize = (autoCapture: boolean): autocannon.Request => ({
    method: 'POST',
    path: `${base}/v2.5.1/client-id/${CLIENT_ID}/authorization`,
    headers,
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      return {
        ...req,
        body: JSON.stringify({
          account_number: account,
          amount: 25.5,
          financing_option: { transaction_type: 'promotional_purchase', plan_id: 5, term: 12 },
          auto_capture: autoCapture,
          verification_code: ctx.pin,
          request_id: ctx.requestId,
          external_location_id: 'STORE-001',
          external_employee_id: 'E100',
        }),
      };
    },
    onResponse: (_status, body, context) => {
      (context as Ctx).authorizationId = (JSON.parse(body) as { authorization_id?: number }).authorization_id;
    },
  });
  const capture: autocannon.Request = {
    method: 'POST',
    path: `${base}/v2.5/client-id/${CLIENT_ID}/authorization/0/capture`,
    headers,
    setupRequest: (req, context) => {
      const id = (context as Ctx).authorizationId;
      return {
        ...req,
        path: `${base}/v2.5/client-id/${CLIENT_ID}/authorization/${id}/capture`,
        body: JSON.stringify({
          amount: 25.5,
          external_location_id: 'STORE-001',
          external_employee_id: 'E100',
        }),
      };
    },
  };
  const seconds = 10;
  const connections = 20;
  const result = await run({
    url,
    connections,
    duration: seconds,
    requests: [verify(), authorize(true), verify(), authorize(false), capture],
  });
  return summarize('purchase mix (verify, authorization, capture)', connections, seconds, result);
}

export default async function (): Promise<BenchSection> {
  const { url, child } = await startChild();
  try {
    const token = await getToken(url);
    // Warm up the JIT before measuring.
    await run({ url: `${url}/sandbox/health`, connections: 10, amount: 2_000 });
    const tokens = await tokenScenario(url);
    const lookup = await lookupScenario(url, token);
    const purchase = await purchaseScenario(url, token);
    const rows = [tokens, lookup, purchase].map((s) => ({ ...s }));
    return {
      name: 'Sandbox (POS API simulator) throughput',
      rows,
      targets: [
        {
          metric: 'customers/lookup throughput at 50 connections',
          value: lookup.req_per_s,
          target: 3000,
          unit: 'req/s',
          kind: 'min',
        },
        {
          metric: 'customers/lookup p99 latency at 50 connections',
          value: lookup.p99_ms,
          target: 20,
          unit: 'ms',
          kind: 'max',
        },
        {
          metric: 'customers/lookup non-2xx answers',
          value: lookup.non_2xx + lookup.errors,
          target: 0,
          unit: 'responses',
          kind: 'max',
        },
        {
          metric: 'purchase mix non-2xx answers',
          value: purchase.non_2xx + purchase.errors,
          target: 0,
          unit: 'responses',
          kind: 'max',
        },
      ],
    };
  } finally {
    await stopChild(child);
  }
}

/**
 * A model-based property test of the sandbox's money (§0A.11): random sequences of authorize, capture,
 * release, return, refund and idempotent replays over HTTP, checked after every step against an
 * independent model kept here and against the invariants (amounts add up, nothing negative, nothing
 * applied twice).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { call, resetSandbox, token } from './sandbox-client';
import { CLIENT, ledger, newRequestId, overridePin, storeIds, type Json } from './money-helpers';

const MI = DEMO.accounts.miTester;
let sb: RunningSandbox;

/** 'rest': exactly what remains (no amount at all on a release or return); 'over': one cent more. */
type Amount = number | 'rest' | 'over';
type Op =
  | { kind: 'authorize'; amount: Amount; auto: boolean; regular: boolean }
  | { kind: 'capture'; auth: number; amount: Amount }
  | { kind: 'release'; auth: number; amount: Amount }
  | { kind: 'return'; capture: number; amount: Amount }
  | { kind: 'refund'; amount: Amount }
  | { kind: 'replay'; pick: number };

/** Awkward cents (1, 333.33), everyday amounts and amounts big enough to exceed the credit. */
const cents = fc.oneof(
  fc.constantFrom(1, 7, 99, 33_333),
  fc.integer({ min: 1, max: 20_000 }),
  fc.integer({ min: 20_000, max: 1_600_000 }),
);
const amountOrRest: fc.Arbitrary<Amount> = fc.oneof(
  { weight: 3, arbitrary: cents },
  { weight: 2, arbitrary: fc.constant<'rest'>('rest') },
  { weight: 1, arbitrary: fc.constant<'over'>('over') },
);
const index = fc.nat({ max: 30 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('authorize' as const),
      amount: amountOrRest,
      auto: fc.boolean(),
      regular: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('capture' as const), auth: index, amount: amountOrRest }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('release' as const), auth: index, amount: amountOrRest }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('return' as const), capture: index, amount: amountOrRest }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), amount: amountOrRest }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: index }) },
);

interface ModelAuth {
  id: number;
  authorized: number;
  captured: number;
  released: number;
  status: 'opened' | 'closed';
  regular: boolean;
}
interface ModelCapture {
  id: number;
  auth: ModelAuth;
  amount: number;
  returned: number;
}

/** The §0A.11 money model, kept independently of the sandbox. */
class Model {
  auths: ModelAuth[] = [];
  captures: ModelCapture[] = [];
  refunded = 0;
  constructor(
    readonly limit: number,
    readonly opening: number,
  ) {}
  remaining(a: ModelAuth): number {
    return a.authorized - a.captured - a.released;
  }
  posted(): number {
    const captured = this.captures.reduce((s, c) => s + c.amount, 0);
    const returned = this.captures.reduce((s, c) => s + c.returned, 0);
    return Math.max(0, this.opening + captured - returned - this.refunded);
  }
  holds(): number {
    return this.auths.filter((a) => a.status === 'opened').reduce((s, a) => s + this.remaining(a), 0);
  }
  available(): number {
    return Math.max(0, this.limit - this.posted() - this.holds());
  }
  settle(a: ModelAuth): void {
    if (this.remaining(a) === 0) a.status = 'closed';
  }
}

interface Sent {
  path: string;
  body: Json;
  key: string;
  status: number;
  response: unknown;
}

const wire = (c: number): string => (c / 100).toFixed(2);

/** The concrete cents of an amount, given what remains (never below one cent: zero is invalid input). */
function resolve(amount: Amount, left: number): number {
  if (amount === 'rest') return Math.max(1, left);
  if (amount === 'over') return left + 1;
  return amount;
}
const toCents = (v: unknown): number => Math.round(Number(v) * 100);

async function post(
  t: string,
  path: string,
  body: Json,
  key: string,
): Promise<{ status: number; body: Json }> {
  const res = await call<Json>(sb.url, 'POST', path, {
    token: t,
    body,
    headers: { 'x-idempotency-key': key },
  });
  return { status: res.status, body: res.body };
}

async function checkAgainstModel(model: Model): Promise<void> {
  const l = await ledger(sb.url, MI.accountNumber);
  expect(l.posted_balance_cents).toBe(model.posted());
  expect(l.open_holds_cents).toBe(model.holds());
  expect(l.available_credit_cents).toBe(model.available());
  expect(l.available_credit_cents).toBe(
    Math.max(0, l.credit_limit_cents - l.posted_balance_cents - l.open_holds_cents),
  );
  for (const v of [l.posted_balance_cents, l.open_holds_cents, l.available_credit_cents])
    expect(v).toBeGreaterThanOrEqual(0);

  const auths = l.authorizations as Array<Record<string, number | string>>;
  expect(auths.length).toBe(model.auths.length);
  for (const a of model.auths) {
    const s = auths.find((x) => x.authorization_id === a.id);
    expect(s).toBeDefined();
    if (!s) continue;
    expect([
      s.authorized_amount_cents,
      s.captured_amount_cents,
      s.released_amount_cents,
      s.remaining_authorization_amount_cents,
      s.status,
    ]).toEqual([a.authorized, a.captured, a.released, model.remaining(a), a.status]);
    expect(
      Number(s.captured_amount_cents) +
        Number(s.released_amount_cents) +
        Number(s.remaining_authorization_amount_cents),
    ).toBe(Number(s.authorized_amount_cents));
  }
  const caps = l.captures as Array<{
    capture_id: number;
    amount_cents: number;
    remaining_capture_amount_cents: number;
    returns: Array<{ amount_cents: number }>;
  }>;
  expect(caps.length).toBe(model.captures.length);
  for (const c of model.captures) {
    const s = caps.find((x) => x.capture_id === c.id);
    expect(s).toBeDefined();
    if (!s) continue;
    const returned = s.returns.reduce((sum, r) => sum + r.amount_cents, 0);
    expect([s.amount_cents, returned, s.remaining_capture_amount_cents]).toEqual([
      c.amount,
      c.returned,
      c.amount - c.returned,
    ]);
    expect(s.remaining_capture_amount_cents).toBeGreaterThanOrEqual(0);
  }
}

async function checkT8(t: string, model: Model, a: ModelAuth): Promise<void> {
  const res = await call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/${a.id}`, {
    token: t,
    version: 'v2.5.1',
  });
  expect(res.status).toBe(200);
  expect([
    toCents(res.body.authorized_amount),
    toCents(res.body.captured_amount),
    toCents(res.body.released_amount),
    toCents(res.body.remaining_authorization_amount),
    res.body.authorization_status,
  ]).toEqual([a.authorized, a.captured, a.released, model.remaining(a), a.status]);
  const captures = res.body.captures as Array<{
    capture_id: number;
    amount: number;
    remaining_capture_amount: number;
  }>;
  expect(captures.map((c) => c.capture_id)).toEqual(
    model.captures.filter((c) => c.auth === a).map((c) => c.id),
  );
  for (const c of captures) {
    const m = model.captures.find((x) => x.id === c.capture_id);
    expect([toCents(c.amount), toCents(c.remaining_capture_amount)]).toEqual([
      m?.amount,
      (m?.amount ?? 0) - (m?.returned ?? 0),
    ]);
  }
}

async function runOps(ops: Op[]): Promise<void> {
  await resetSandbox(sb.url);
  const t = await token(sb.url);
  const start = await ledger(sb.url, MI.accountNumber);
  const model = new Model(start.credit_limit_cents, start.posted_balance_cents);
  const sent: Sent[] = [];

  for (const op of ops) {
    let touched: ModelAuth | undefined;
    if (op.kind === 'authorize') {
      const amount = resolve(op.amount, model.available());
      const requestId = newRequestId();
      const pin = await overridePin(sb.url, t, MI.accountNumber, requestId);
      const body: Json = {
        account_number: MI.accountNumber,
        amount: wire(amount),
        // Plan 5 is interest-free, so the credit check is amount ≤ available for both types.
        financing_option: op.regular
          ? { transaction_type: 'regular_purchase' }
          : { transaction_type: 'promotional_purchase', plan_id: 5, term: 12 },
        auto_capture: op.auto,
        verification_code: pin,
        request_id: requestId,
        ...storeIds(),
      };
      const path = `/flexiti/pos-api/v2.5.1/client-id/${CLIENT}/authorization`;
      const key = randomUUID();
      const res = await post(t, path, body, key);
      if (amount > model.available()) {
        expect([res.status, res.body.error]).toEqual([409, 'credit_exceeded']);
      } else {
        expect(res.status).toBe(200);
        const a: ModelAuth = {
          id: res.body.authorization_id as number,
          authorized: amount,
          captured: 0,
          released: 0,
          status: 'opened',
          regular: op.regular,
        };
        model.auths.push(a);
        if (op.auto) {
          a.captured = amount;
          model.captures.push({ id: res.body.capture_id as number, auth: a, amount, returned: 0 });
          model.settle(a);
        }
        expect(res.body.authorization_status).toBe(a.status);
        sent.push({ path, body, key, status: res.status, response: res.body });
        touched = a;
      }
    } else if (op.kind === 'capture' || op.kind === 'release') {
      if (model.auths.length === 0) continue;
      const a = model.auths[op.auth % model.auths.length] as ModelAuth;
      const omitted = op.kind === 'release' && op.amount === 'rest';
      // A release without an amount releases the rest; a capture always names its amount.
      const effective = omitted ? model.remaining(a) : resolve(op.amount, model.remaining(a));
      const body: Json = omitted ? { ...storeIds() } : { amount: wire(effective), ...storeIds() };
      const path = `/flexiti/pos-api/v2.5/client-id/${CLIENT}/authorization/${a.id}/${op.kind}`;
      const key = randomUUID();
      const res = await post(t, path, body, key);
      if (a.status !== 'opened') {
        expect([res.status, res.body.error]).toEqual([409, 'authorization_ended']);
      } else if (effective > model.remaining(a)) {
        expect([res.status, res.body.error]).toEqual([409, 'auth_amount_exceeded']);
      } else {
        expect(res.status).toBe(200);
        if (op.kind === 'capture') {
          a.captured += effective;
          model.captures.push({ id: res.body.capture_id as number, auth: a, amount: effective, returned: 0 });
        } else {
          a.released += effective;
          expect(toCents(res.body.amount)).toBe(effective);
        }
        model.settle(a);
        expect(toCents(res.body.remaining_authorization_amount)).toBe(model.remaining(a));
        sent.push({ path, body, key, status: res.status, response: res.body });
      }
      touched = a;
    } else if (op.kind === 'return') {
      if (model.captures.length === 0) continue;
      const c = model.captures[op.capture % model.captures.length] as ModelCapture;
      const left = c.amount - c.returned;
      const amount = op.amount === 'rest' ? left : resolve(op.amount, left);
      const body: Json =
        op.amount === 'rest' ? { full_return: true, ...storeIds() } : { amount: wire(amount), ...storeIds() };
      const path = `/flexiti/pos-api/v2.5/client-id/${CLIENT}/authorization/${c.auth.id}/capture/${c.id}/return`;
      const key = randomUUID();
      const res = await post(t, path, body, key);
      if (c.auth.regular) {
        expect([res.status, res.body.error]).toEqual([409, 'wrong_transaction_type']);
      } else if (left === 0 || amount > left) {
        expect([res.status, res.body.error]).toEqual([409, 'capture_amount_exceeded']);
      } else {
        expect(res.status).toBe(200);
        c.returned += amount;
        expect(toCents(res.body.remaining_capture_amount)).toBe(c.amount - c.returned);
        expect(toCents(res.body.remaining_authorization_amount)).toBe(model.remaining(c.auth));
        sent.push({ path, body, key, status: res.status, response: res.body });
      }
      touched = c.auth;
    } else if (op.kind === 'refund') {
      const amount = resolve(op.amount, model.posted());
      const body: Json = { amount: wire(amount), ...storeIds() };
      const path = `/flexiti/pos-api/v2.5/client-id/${CLIENT}/accounts/${MI.accountNumber}/refund`;
      const key = randomUUID();
      const res = await post(t, path, body, key);
      if (amount > model.posted()) {
        expect([res.status, res.body.error]).toEqual([409, 'refunds_limit_exceeded_amount']);
      } else {
        expect([res.status, res.body]).toEqual([200, {}]);
        model.refunded += amount;
        sent.push({ path, body, key, status: res.status, response: res.body });
      }
    } else {
      if (sent.length === 0) continue;
      const earlier = sent[op.pick % sent.length] as Sent;
      const res = await post(t, earlier.path, earlier.body, earlier.key);
      // The replay answers the first response again and changes nothing (checked against the model below).
      expect([res.status, res.body]).toEqual([earlier.status, earlier.response]);
    }
    await checkAgainstModel(model);
    if (touched) await checkT8(t, model, touched);
  }
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});

it('keeps every amount equal to the model and the §0A.11 invariants over random operation sequences', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      await runOps(ops);
    }),
    { numRuns: 30 },
  );
}, 180_000);

/**
 * T7 GET authorizations, T8 GET authorization/{id}, T9 GET captures (§7, §0A.1, §0A.11) over HTTP
 * against a real sandbox: filters, paging, newest first, 409 on page_size > 100, merchant isolation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, call, resetSandbox, token } from './sandbox-client';
import {
  CLIENT,
  CLIENT2,
  LOCATION2,
  openAuthorization,
  securityPin,
  newRequestId,
  storeIds,
  type Json,
} from './money-helpers';

const A = DEMO.accounts;
const MI = A.miTester.accountNumber;
const JOHN = A.johnSmith.accountNumber;
const DAY = 24 * 60 * 60;
let sb: RunningSandbox;
let merchant: string;

interface Envelope {
  page_number: number;
  page_size: number;
  total_records: number;
  authorizations?: Json[];
  captures?: Json[];
}

function list(
  kind: 'authorizations' | 'captures',
  query: Record<string, string | number> = {},
  opts: { t?: string; client?: string; version?: 'v2.5' | 'v2.5.1' } = {},
) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return call<Envelope & Json>(
    sb.url,
    'GET',
    `/client-id/${opts.client ?? CLIENT}/${kind}${qs ? `?${qs}` : ''}`,
    {
      token: opts.t ?? merchant,
      version: opts.version ?? 'v2.5.1',
    },
  );
}

function ids(items: Json[] | undefined, key: string): number[] {
  return (items ?? []).map((i) => i[key] as number);
}

async function auth(
  accountNumber: number,
  amount: number,
  extra: { autoCapture?: boolean; regular?: boolean; location?: string } = {},
): Promise<Json> {
  return openAuthorization(sb.url, merchant, {
    accountNumber,
    amount,
    autoCapture: extra.autoCapture ?? false,
    ...(extra.regular ? { financing: { transaction_type: 'regular_purchase' } } : {}),
    ...(extra.location === undefined ? {} : { location: extra.location }),
  });
}

function expectError(res: { status: number; body: Json }, status: number, code: string): void {
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error: code });
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await resetSandbox(sb.url);
  merchant = await token(sb.url);
});

describe('GET authorizations (T7)', () => {
  it('answers an empty page when nothing matches', async () => {
    const res = await list('authorizations');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ page_number: 1, page_size: 10, total_records: 0, authorizations: [] });
  });

  it('pages newest first without gaps or repeats, over every location of the client', async () => {
    const created: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const a = await auth(i % 2 === 0 ? MI : JOHN, 1 + i, {
        location: i % 3 === 0 ? 'STORE-002' : 'STORE-001',
      });
      created.push(a.authorization_id as number);
    }
    const newestFirst = [...created].reverse();
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await list('authorizations', { page_number: page, page_size: 5 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page_number: page, page_size: 5, total_records: 12 });
      pages.push(...ids(res.body.authorizations, 'authorization_id'));
    }
    expect(pages).toEqual(newestFirst);
    const beyond = await list('authorizations', { page_number: 4, page_size: 5 });
    expect(beyond.body.authorizations).toEqual([]);
    const defaults = await list('authorizations');
    expect(ids(defaults.body.authorizations, 'authorization_id')).toEqual(newestFirst.slice(0, 10));
    const max = await list('authorizations', { page_size: 100 });
    expect(max.body.authorizations).toHaveLength(12);
  });

  it('filters by account, transaction type and status', async () => {
    const opened = await auth(MI, 10);
    const closed = await auth(MI, 11, { autoCapture: true });
    const regular = await auth(JOHN, 12, { regular: true, autoCapture: true });
    const byAccount = await list('authorizations', { account_number: JOHN });
    expect(ids(byAccount.body.authorizations, 'authorization_id')).toEqual([regular.authorization_id]);
    const byType = await list('authorizations', { transaction_type: 'promotional_purchase' });
    expect(ids(byType.body.authorizations, 'authorization_id')).toEqual([
      closed.authorization_id,
      opened.authorization_id,
    ]);
    const byStatus = await list('authorizations', { authorization_status: 'opened' });
    expect(ids(byStatus.body.authorizations, 'authorization_id')).toEqual([opened.authorization_id]);
    const combined = await list('authorizations', {
      account_number: MI,
      authorization_status: 'closed',
      transaction_type: 'promotional_purchase',
    });
    expect(ids(combined.body.authorizations, 'authorization_id')).toEqual([closed.authorization_id]);
  });

  it('lists expired authorizations as unauthorized', async () => {
    const old = await auth(MI, 10);
    await advanceClock(sb.url, 30 * DAY + 1);
    merchant = await token(sb.url);
    const res = await list('authorizations', { authorization_status: 'unauthorized' });
    expect(ids(res.body.authorizations, 'authorization_id')).toEqual([old.authorization_id]);
    expect(res.body.authorizations?.[0]).toMatchObject({
      released_amount: 10,
      remaining_authorization_amount: 0,
    });
    expect((await list('authorizations', { authorization_status: 'opened' })).body.total_records).toBe(0);
  });

  it('filters by creation dates as inclusive UTC days', async () => {
    const first = await auth(MI, 10);
    await advanceClock(sb.url, 2 * DAY);
    merchant = await token(sb.url);
    const second = await auth(MI, 20);
    const day1 = String(first.date).slice(0, 10);
    const day2 = String(second.date).slice(0, 10);
    expect(
      ids(
        (await list('authorizations', { creation_date_from: day2 })).body.authorizations,
        'authorization_id',
      ),
    ).toEqual([second.authorization_id]);
    expect(
      ids((await list('authorizations', { creation_date_to: day1 })).body.authorizations, 'authorization_id'),
    ).toEqual([first.authorization_id]);
    expect(
      (await list('authorizations', { creation_date_from: day1, creation_date_to: day1 })).body.total_records,
    ).toBe(1);
    expect(
      (await list('authorizations', { creation_date_from: day1, creation_date_to: day2 })).body.total_records,
    ).toBe(2);
    expect((await list('captures', { creation_date_from: day1 })).body.total_records).toBe(0);
  });

  it('carries T8 objects, with `apr` under v2.5', async () => {
    const a = await auth(MI, 10);
    const v251 = await list('authorizations', {});
    const t8 = await call<Json>(
      sb.url,
      'GET',
      `/client-id/${CLIENT}/authorization/${String(a.authorization_id)}`,
      { token: merchant, version: 'v2.5.1' },
    );
    expect(v251.body.authorizations?.[0]).toEqual(t8.body);
    const v25 = await list('authorizations', {}, { version: 'v2.5' });
    const item = v25.body.authorizations?.[0] as { financing_option: Json };
    expect(item.financing_option).toMatchObject({ apr: 0.0999 });
    expect(item.financing_option).not.toHaveProperty('annual_rates');
  });

  it('409 wrong_inputs for page_size above 100 and other malformed filters', async () => {
    const big = await list('authorizations', { page_size: 101 });
    expectError(big, 409, 'wrong_inputs');
    expect(big.body.field_errors).toEqual([{ param: 'page_size', msg: 'invalid', value: '101' }]);
    const malformed: Array<Record<string, string | number>> = [
      { page_size: 0 },
      { page_number: 0 },
      { page_number: 'x' },
      { authorization_status: 'pending' },
      { transaction_type: 'deposit' },
      { creation_date_from: '2024-02-30' },
      { account_number: 'abc' },
    ];
    for (const query of malformed) {
      expectError(await list('authorizations', query), 409, 'wrong_inputs');
    }
    expectError(await list('captures', { page_size: 101 }), 409, 'wrong_inputs');
    expectError(await list('captures', { authorization_id: 'x' }), 409, 'wrong_inputs');
  });
});

describe('GET authorization/{id} (T8)', () => {
  it('returns the authorization with captures, returns and the store and employee', async () => {
    const a = await auth(MI, 1000.12);
    const id = a.authorization_id as number;
    const cap = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
      token: merchant,
      body: { amount: 600, reference: 'orderid-12345', ...storeIds() },
    });
    const captureId = cap.body.capture_id as number;
    const r = await call<Json>(
      sb.url,
      'POST',
      `/client-id/${CLIENT}/authorization/${id}/capture/${captureId}/return`,
      {
        token: merchant,
        body: { amount: 10, ...storeIds() },
      },
    );
    await call(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/release`, {
      token: merchant,
      body: storeIds(),
    });
    const res = await call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/${id}`, {
      token: merchant,
      version: 'v2.5.1',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      authorization_id: id,
      account_number: MI,
      amount: 1000.12,
      remaining_authorization_amount: 0,
      authorization_status: 'closed',
      capture_id: null,
      authorized_amount: 1000.12,
      captured_amount: 600,
      released_amount: 400.12,
      captures: [
        {
          capture_id: captureId,
          amount: 600,
          remaining_capture_amount: 590,
          reference: 'orderid-12345',
          returns: [{ return_id: r.body.return_id, amount: 10, date: r.body.date }],
        },
      ],
      external_location_id: 'STORE-001',
      external_employee_id: 'E100',
    });
  });

  it("sets capture_id to the auto-capture's id", async () => {
    const a = await auth(MI, 15, { autoCapture: true });
    const res = await call<Json>(
      sb.url,
      'GET',
      `/client-id/${CLIENT}/authorization/${String(a.authorization_id)}`,
      { token: merchant },
    );
    expect(res.body.capture_id).toBe(a.capture_id);
    expect((res.body.captures as Json[])[0]?.capture_id).toBe(a.capture_id);
  });

  it("404 for another merchant's id, an unknown id and a malformed id; 403 for a customer token", async () => {
    const a = await auth(MI, 10);
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    expectError(
      await call<Json>(sb.url, 'GET', `/client-id/${CLIENT2}/authorization/${String(a.authorization_id)}`, {
        token: t2,
      }),
      404,
      'not_found',
    );
    expectError(
      await call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/1`, { token: merchant }),
      404,
      'not_found',
    );
    expectError(
      await call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/12345678901234567`, {
        token: merchant,
      }),
      404,
      'not_found',
    );
    const customer = await token(sb.url, { scope: 'customer' });
    expectError(
      await call<Json>(sb.url, 'GET', `/client-id/${CLIENT}/authorization/${String(a.authorization_id)}`, {
        token: customer,
      }),
      403,
      'insufficient_scope',
    );
  });
});

describe('GET captures (T9)', () => {
  it('lists captures newest first with the T4 shape plus account, type, plan and term; filters by account and authorization', async () => {
    const a = await auth(MI, 100);
    const id = a.authorization_id as number;
    const c1 = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
      token: merchant,
      body: { amount: 30, ...storeIds() },
    });
    const c2 = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT}/authorization/${id}/capture`, {
      token: merchant,
      body: { amount: 20, ...storeIds() },
    });
    const other = await auth(JOHN, 5, { regular: true, autoCapture: true });
    const all = await list('captures');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page_number: 1, page_size: 10, total_records: 3 });
    expect(ids(all.body.captures, 'capture_id')).toEqual([
      other.capture_id,
      c2.body.capture_id,
      c1.body.capture_id,
    ]);
    expect(all.body.captures?.[1]).toEqual({
      capture_id: c2.body.capture_id,
      authorization_id: id,
      account_number: MI,
      reference: null,
      date: c2.body.date,
      amount: 20,
      remaining_authorization_amount: 50,
      transaction_type: 'promotional_purchase',
      plan_id: 4,
      term: 12,
    });
    expect(all.body.captures?.[0]).toMatchObject({
      transaction_type: 'regular_purchase',
      plan_id: null,
      term: null,
    });
    expect(ids((await list('captures', { account_number: JOHN })).body.captures, 'capture_id')).toEqual([
      other.capture_id,
    ]);
    expect(ids((await list('captures', { authorization_id: id })).body.captures, 'capture_id')).toEqual([
      c2.body.capture_id,
      c1.body.capture_id,
    ]);
    const paged = await list('captures', { page_size: 2, page_number: 2 });
    expect(ids(paged.body.captures, 'capture_id')).toEqual([c1.body.capture_id]);
  });

  it('leaves refunds out of every list', async () => {
    const a = await auth(MI, 40, { autoCapture: true });
    const before = await list('captures');
    const refund = await call(sb.url, 'POST', `/client-id/${CLIENT}/accounts/${MI}/refund`, {
      token: merchant,
      body: { amount: 40, capture_id: a.capture_id, ...storeIds() },
    });
    expect(refund.status).toBe(200);
    expect((await list('captures')).body).toEqual(before.body);
    expect((await list('authorizations')).body.total_records).toBe(1);
  });
});

describe('isolation between merchants', () => {
  it('shows each merchant only its own authorizations and captures, even on a shared account', async () => {
    const mine = await auth(MI, 10, { autoCapture: true });
    const t2 = await token(sb.url, { clientId: CLIENT2 });
    const requestId = newRequestId();
    const pin = await securityPin(sb.url, t2, A.miTester, requestId, CLIENT2);
    const theirs = await call<Json>(sb.url, 'POST', `/client-id/${CLIENT2}/authorization`, {
      token: t2,
      version: 'v2.5.1',
      body: {
        account_number: MI,
        amount: 20,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: 4, term: 12 },
        auto_capture: true,
        verification_code: pin,
        request_id: requestId,
        ...storeIds(LOCATION2, 'CASHIER-2'),
      },
    });
    expect(theirs.status).toBe(200);
    expect(ids((await list('authorizations')).body.authorizations, 'authorization_id')).toEqual([
      mine.authorization_id,
    ]);
    expect(
      ids(
        (await list('authorizations', {}, { t: t2, client: CLIENT2 })).body.authorizations,
        'authorization_id',
      ),
    ).toEqual([theirs.body.authorization_id]);
    expect(ids((await list('captures', { account_number: MI })).body.captures, 'capture_id')).toEqual([
      mine.capture_id,
    ]);
    expect(ids((await list('captures', {}, { t: t2, client: CLIENT2 })).body.captures, 'capture_id')).toEqual(
      [theirs.body.capture_id],
    );
    const customer = await token(sb.url, { scope: 'customer' });
    expectError(await list('captures', {}, { t: customer }), 403, 'insufficient_scope');
    expectError(await list('authorizations', {}, { t: customer }), 403, 'insufficient_scope');
  });
});

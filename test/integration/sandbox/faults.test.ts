/**
 * Fault injection over HTTP: status answers, latency, dropped connections before and after the commit,
 * `times`, method filters and path globs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { apiPath, call, resetSandbox, TEST_REFERENCE_ID, token } from './sandbox-client';

const demo = DEMO.merchants.demo.clientId;
const account = DEMO.accounts.miTester.accountNumber;
const LOOKUP = `/client-id/${demo}/customers/lookup?account_number=${account}`;
const VERIFY = `/client-id/${demo}/account/${account}/verify`;

let sandbox: RunningSandbox;
let url: string;
let merchantToken: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  url = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(url);
  merchantToken = await token(url);
});

async function addFault(fault: Record<string, unknown>): Promise<number> {
  const res = await call<{ id: number }>(url, 'POST', '/sandbox/faults', { body: fault });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function outboxCount(): Promise<number> {
  return (await call<{ messages: unknown[] }>(url, 'GET', '/sandbox/outbox')).body.messages.length;
}

function lookup(version: 'v2.5' | 'v2.5.1' = 'v2.5') {
  return call(url, 'GET', LOOKUP, { token: merchantToken, version });
}

function verify(key?: string) {
  return fetch(url + apiPath(VERIFY), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${merchantToken}`,
      'x-reference-id': TEST_REFERENCE_ID,
      'content-type': 'application/json',
      ...(key ? { 'x-idempotency-key': key } : {}),
    },
    body: JSON.stringify({ format: 'sms', request_id: 'fault-req' }),
  });
}

describe('kind status', () => {
  it('answers with the status and a general_error body without processing', async () => {
    await addFault({ method: 'POST', path: '**/verify', kind: 'status', status: 503 });
    const res = await verify();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      code: 503,
      error: 'general_error',
      error_description: 'general_error',
      message: expect.any(String),
      url: apiPath(VERIFY),
    });
    expect(await outboxCount()).toBe(0);
  });

  it('can inject a 4xx too, and localizes its message', async () => {
    await addFault({ path: '**/customers/lookup', kind: 'status', status: 409, times: 2 });
    const en = await call(url, 'GET', LOOKUP, { token: merchantToken, lang: 'en' });
    const fr = await call(url, 'GET', LOOKUP, { token: merchantToken, lang: 'fr' });
    expect(en.status).toBe(409);
    expect(en.body.error).toBe('general_error');
    expect(fr.body.message).not.toBe(en.body.message);
  });
});

describe('times', () => {
  it('applies to as many matching requests as `times`, then is gone', async () => {
    await addFault({ method: 'GET', path: '**/customers/lookup', kind: 'status', status: 500, times: 2 });
    expect((await lookup()).status).toBe(500);
    const listed = await call<{ faults: Array<{ remaining: number; hits: number }> }>(
      url,
      'GET',
      '/sandbox/faults',
    );
    expect(listed.body.faults).toEqual([expect.objectContaining({ remaining: 1, hits: 1 })]);
    expect((await lookup()).status).toBe(500);
    expect((await lookup()).status).toBe(200);
    expect((await call<{ faults: unknown[] }>(url, 'GET', '/sandbox/faults')).body.faults).toEqual([]);
  });

  it('applies without limit when `times` is absent, until DELETE /sandbox/faults', async () => {
    await addFault({ path: '**/customers/lookup', kind: 'status', status: 502 });
    for (let i = 0; i < 4; i++) expect((await lookup()).status).toBe(502);
    const cleared = await call(url, 'DELETE', '/sandbox/faults');
    expect(cleared.status).toBe(200);
    expect(cleared.body.cleared).toBe(1);
    expect((await lookup()).status).toBe(200);
  });
});

describe('globs and methods', () => {
  it('`*` matches within one segment, `**` across segments', async () => {
    await addFault({ path: '/flexiti/pos-api/*/client-id/*/customers/lookup', kind: 'status', status: 503 });
    expect((await lookup('v2.5')).status).toBe(503);
    expect((await lookup('v2.5.1')).status).toBe(503);
    await call(url, 'DELETE', '/sandbox/faults');

    await addFault({ path: '/flexiti/*/lookup', kind: 'status', status: 503 });
    expect((await lookup()).status).toBe(200);
    await addFault({ path: '/flexiti/**/lookup', kind: 'status', status: 504 });
    expect((await lookup()).status).toBe(504);
  });

  it('matches the path without the query, and only the given method', async () => {
    await addFault({ method: 'POST', path: '**/customers/lookup', kind: 'status', status: 503 });
    expect((await lookup()).status).toBe(200);
    await addFault({ method: 'GET', path: '**/lookup', kind: 'status', status: 503 });
    expect((await lookup()).status).toBe(503);
  });

  it('matches special characters literally', async () => {
    await addFault({
      path: '/flexiti/pos-api/v2.5/client-id/flexitidemo/customers/lookup',
      kind: 'status',
      status: 503,
    });
    expect((await lookup('v2.5.1')).status).toBe(200);
    expect((await lookup('v2.5')).status).toBe(503);
  });

  it('never applies to the /sandbox control API', async () => {
    await addFault({ path: '**', kind: 'status', status: 503 });
    expect((await call(url, 'GET', '/sandbox/health')).status).toBe(200);
    expect((await lookup()).status).toBe(503);
  });
});

describe('kind latency', () => {
  it('delays the request, then processes it', async () => {
    await addFault({ path: '**/customers/lookup', kind: 'latency', latency_ms: 400, times: 1 });
    const started = performance.now();
    const res = await lookup();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(res.status).toBe(200);
    expect(res.body.account_number).toBe(account);
  });
});

describe('dropped connections', () => {
  it('drop_before_commit: the connection is destroyed and nothing happens', async () => {
    await addFault({ method: 'POST', path: '**/verify', kind: 'drop_before_commit', times: 1 });
    await expect(verify('drop-1')).rejects.toThrow();
    expect(await outboxCount()).toBe(0);
    const retry = await verify('drop-1');
    expect(retry.status).toBe(200);
    expect(await outboxCount()).toBe(1);
  });

  it('drop_after_commit: the change commits, the answer is lost, and a retry with the key is replayed', async () => {
    await addFault({ method: 'POST', path: '**/verify', kind: 'drop_after_commit', times: 1 });
    await expect(verify('drop-2')).rejects.toThrow();
    expect(await outboxCount()).toBe(1);
    const retry = await verify('drop-2');
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ verification_code: 'verification_sent_to_sms' });
    expect(await outboxCount()).toBe(1);
  });
});

describe('validation of POST /sandbox/faults', () => {
  it('refuses bad faults with 409 wrong_inputs and field_errors', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ path: '**', kind: 'explode' }, 'kind', 'invalid'],
      [{ kind: 'status', status: 503 }, 'path', 'required'],
      [{ path: '**', kind: 'status' }, 'status', 'required'],
      [{ path: '**', kind: 'status', status: 200 }, 'status', 'invalid'],
      [{ path: '**', kind: 'latency' }, 'latency_ms', 'required'],
      [{ path: '**', kind: 'drop_after_commit', times: 0 }, 'times', 'invalid'],
      [{ path: '**', kind: 'status', status: 503, method: 'BREW' }, 'method', 'invalid'],
    ];
    for (const [fault, param, msg] of cases) {
      const res = await call(url, 'POST', '/sandbox/faults', { body: fault });
      expect(res.status, JSON.stringify(fault)).toBe(409);
      expect(res.body.error).toBe('wrong_inputs');
      expect(res.body.field_errors, JSON.stringify(fault)).toContainEqual(
        expect.objectContaining({ param, msg }),
      );
    }
    expect((await call<{ faults: unknown[] }>(url, 'GET', '/sandbox/faults')).body.faults).toEqual([]);
  });
});

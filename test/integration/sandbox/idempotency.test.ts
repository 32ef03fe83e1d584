/**
 * §0A.5 idempotency over HTTP: replay without a second effect (a real verify SMS), conflicts by hash and
 * by body, failures not cached, keys scoped by client and path, 24-hour lifetime, concurrent requests.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sandbox/http/api-error';
import type { RouteDef } from '../../../src/sandbox/http/route';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, apiPath, call, resetSandbox, token } from './sandbox-client';

const demo = DEMO.merchants.demo.clientId;
const account = DEMO.accounts.miTester.accountNumber;
const VERIFY = `/client-id/${demo}/account/${account}/verify`;

/** A mutating probe that counts how often it really ran; it can be slow and can fail on demand. */
let executions = 0;
const probe: RouteDef = {
  id: 'PROBE-IDEM',
  method: 'POST',
  pattern: '/client-id/:client_id/probe-idem',
  scopes: ['merchant'],
  idempotent: true,
  handle: async (ctx) => {
    executions++;
    const run = executions;
    const body = (ctx.body ?? {}) as { delay_ms?: number; fail_on_run?: number };
    if (body.delay_ms) await new Promise((r) => setTimeout(r, body.delay_ms));
    if (body.fail_on_run === run) throw new ApiError(409, 'not_permitted');
    return { status: 201, body: { run, at: ctx.now().toISOString() } };
  },
};
const PROBE = `/client-id/${demo}/probe-idem`;

let sandbox: RunningSandbox;
let url: string;
let merchantToken: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, extraRoutes: [probe] });
  url = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(url);
  merchantToken = await token(url);
  executions = 0;
});

async function outboxCount(): Promise<number> {
  const res = await call<{ messages: unknown[] }>(url, 'GET', '/sandbox/outbox');
  return res.body.messages.length;
}

async function rawPost(
  path: string,
  body: unknown,
  headers: Record<string, string>,
  version?: 'v2.5' | 'v2.5.1',
) {
  const res = await fetch(url + apiPath(path, version), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${merchantToken}`,
      'x-reference-id': 'idem-test',
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

const smsBody = { format: 'sms', request_id: 'idem-req-1' };

describe('replay', () => {
  it('replays a success with the identical status and body, and sends no second SMS', async () => {
    const first = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'key-1' });
    expect(first.status).toBe(200);
    expect(await outboxCount()).toBe(1);
    const second = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'key-1' });
    expect(second).toEqual(first);
    expect(await outboxCount()).toBe(1);
  });

  it('processes every request that carries no key', async () => {
    await rawPost(VERIFY, smsBody, {});
    await rawPost(VERIFY, smsBody, {});
    expect(await outboxCount()).toBe(2);
  });

  it('replays byte for byte, with no second effect, when the hashes match', async () => {
    const first = await rawPost(PROBE, { a: 1 }, { 'x-idempotency-key': 'k', 'x-context-hash': 'h1' });
    const second = await rawPost(PROBE, { a: 1 }, { 'x-idempotency-key': 'k', 'x-context-hash': 'h1' });
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(executions).toBe(1);
  });

  it('compares bodies parsed, with keys sorted, when a hash is missing', async () => {
    const first = await rawPost(PROBE, '{"a":1,"b":{"y":2,"x":1}}', { 'x-idempotency-key': 'k' });
    const second = await rawPost(PROBE, '{ "b": { "x": 1, "y": 2 }, "a": 1 }', { 'x-idempotency-key': 'k' });
    expect(second).toEqual(first);
    expect(executions).toBe(1);
  });

  it('keys by client, and by method + path as sent (the version included)', async () => {
    await rawPost(PROBE, { a: 1 }, { 'x-idempotency-key': 'shared' });
    await rawPost(PROBE, { a: 1 }, { 'x-idempotency-key': 'shared' }, 'v2.5.1');
    expect(executions).toBe(2);
    const query = await fetch(`${url}${apiPath(PROBE)}?lang=fr`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${merchantToken}`,
        'x-reference-id': 'r',
        'content-type': 'application/json',
        'x-idempotency-key': 'shared',
      },
      body: JSON.stringify({ a: 1 }),
    });
    expect(query.status).toBe(201);
    expect(executions).toBe(2);
  });

  it('forgets a success after 24 hours on the sandbox clock', async () => {
    await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'day' });
    await advanceClock(url, 24 * 3600 - 60);
    merchantToken = await token(url);
    await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'day' });
    expect(await outboxCount()).toBe(1);
    await advanceClock(url, 60);
    merchantToken = await token(url);
    const again = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'day' });
    expect(again.status).toBe(200);
    expect(await outboxCount()).toBe(2);
  });
});

describe('conflicts', () => {
  const conflictBody = (path: string) => ({
    code: 409,
    error: 'idempotency_key_reused',
    error_description: 'The idempotency key was already used with a different request.',
    message: 'This request was already sent with different details.',
    url: apiPath(path),
  });

  it('refuses a differing x-context-hash with 409 idempotency_key_reused and leaves the cache as it was', async () => {
    const first = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'k2', 'x-context-hash': 'aaa' });
    const conflict = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'k2', 'x-context-hash': 'bbb' });
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.text)).toEqual(conflictBody(VERIFY));
    expect(await outboxCount()).toBe(1);
    const replay = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'k2', 'x-context-hash': 'aaa' });
    expect(replay).toEqual(first);
  });

  it('refuses a differing body when either request lacks a hash', async () => {
    await rawPost(PROBE, { amount: 10 }, { 'x-idempotency-key': 'k3', 'x-context-hash': 'aaa' });
    const noHash = await rawPost(PROBE, { amount: 11 }, { 'x-idempotency-key': 'k3' });
    expect(noHash.status).toBe(409);
    expect(JSON.parse(noHash.text)).toEqual(conflictBody(PROBE));
    const sameBodyNoHash = await rawPost(PROBE, { amount: 10 }, { 'x-idempotency-key': 'k3' });
    expect(sameBodyNoHash.status).toBe(201);
    expect(executions).toBe(1);
  });

  it('uses the hashes alone when both requests carry one', async () => {
    const first = await rawPost(
      PROBE,
      { amount: 10 },
      { 'x-idempotency-key': 'k4', 'x-context-hash': 'same' },
    );
    const second = await rawPost(
      PROBE,
      { amount: 99 },
      { 'x-idempotency-key': 'k4', 'x-context-hash': 'same' },
    );
    expect(second).toEqual(first);
    expect(executions).toBe(1);
  });
});

describe('failures and keys', () => {
  it('does not cache failures: a retry with the same key is processed as new', async () => {
    const failed = await rawPost(PROBE, { fail_on_run: 1 }, { 'x-idempotency-key': 'k5' });
    expect(failed.status).toBe(409);
    expect(JSON.parse(failed.text).error).toBe('not_permitted');
    const retried = await rawPost(PROBE, { fail_on_run: 1 }, { 'x-idempotency-key': 'k5' });
    expect(retried.status).toBe(201);
    expect(executions).toBe(2);
    const invalid = await rawPost(
      VERIFY,
      { format: 'carrier-pigeon', request_id: 'x' },
      { 'x-idempotency-key': 'k6' },
    );
    expect(invalid.status).toBe(409);
    const valid = await rawPost(VERIFY, smsBody, { 'x-idempotency-key': 'k6' });
    expect(valid.status).toBe(200);
    expect(await outboxCount()).toBe(1);
  });

  it('refuses a key that is not 1-100 printable ASCII characters with 409 wrong_inputs', async () => {
    const cases: Array<[string, string]> = [
      ['k'.repeat(101), 'length'],
      ['clé', 'invalid'],
      ['tab\there', 'invalid'],
    ];
    for (const [key, msg] of cases) {
      const res = await rawPost(PROBE, {}, { 'x-idempotency-key': key });
      expect(res.status, key).toBe(409);
      const body = JSON.parse(res.text);
      expect(body.error).toBe('wrong_inputs');
      expect(body.field_errors).toEqual([{ param: 'x-idempotency-key', msg }]);
    }
    expect(executions).toBe(0);
    expect((await rawPost(PROBE, {}, { 'x-idempotency-key': 'k'.repeat(100) })).status).toBe(201);
    expect((await rawPost(PROBE, {}, { 'x-idempotency-key': ' ~!@#$%^&*()' })).status).toBe(201);
  });
});

describe('concurrency', () => {
  it('makes a request with the same key wait for the one in progress, then replays it', async () => {
    const body = { delay_ms: 300 };
    const results = await Promise.all([
      rawPost(PROBE, body, { 'x-idempotency-key': 'c1' }),
      rawPost(PROBE, body, { 'x-idempotency-key': 'c1' }),
      rawPost(PROBE, body, { 'x-idempotency-key': 'c1' }),
    ]);
    expect(executions).toBe(1);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
  });

  it('processes the waiting request when the one in progress failed', async () => {
    const body = { delay_ms: 200, fail_on_run: 1 };
    const results = await Promise.all([
      rawPost(PROBE, body, { 'x-idempotency-key': 'c2' }),
      rawPost(PROBE, body, { 'x-idempotency-key': 'c2' }),
    ]);
    expect(executions).toBe(2);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('does not hold back requests with different keys', async () => {
    const finished: string[] = [];
    const slow = rawPost(PROBE, { delay_ms: 1500 }, { 'x-idempotency-key': 'd1' }).then(() =>
      finished.push('slow'),
    );
    await new Promise((r) => setTimeout(r, 50));
    const quick = rawPost(PROBE, {}, { 'x-idempotency-key': 'd2' }).then(() => finished.push('quick'));
    await Promise.all([slow, quick]);
    expect(executions).toBe(2);
    expect(finished).toEqual(['quick', 'slow']);
  });
});

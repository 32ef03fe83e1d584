/**
 * The sandbox's common request pipeline over HTTP: 404/405, 401/403 order, client_id binding,
 * x-reference-id, lang, bodies (JSON, form, malformed, wrong type, too large, unicode), path traversal
 * and the 500 general_error of a failing route.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sandbox/http/api-error';
import type { RouteDef } from '../../../src/sandbox/http/route';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, apiPath, call, resetSandbox, TEST_REFERENCE_ID, token } from './sandbox-client';

const demo = DEMO.merchants.demo.clientId;

/** Probe routes: they echo what the pipeline handed them, so each check is observable. */
const probeRoutes: RouteDef[] = [
  {
    id: 'PROBE',
    method: 'POST',
    pattern: '/client-id/:client_id/probe',
    scopes: ['merchant'],
    idempotent: false,
    handle: (ctx) => ({
      status: 200,
      body: {
        body: ctx.body ?? null,
        lang: ctx.lang,
        reference_id: ctx.referenceId,
        client_id: ctx.auth?.clientId,
        version: ctx.version,
      },
    }),
  },
  {
    id: 'PROBE-SHARED',
    method: 'GET',
    pattern: '/client-id/:client_id/probe-shared',
    scopes: ['merchant', 'customer'],
    idempotent: false,
    handle: (ctx) => ({ status: 200, body: { scope: ctx.auth?.scope } }),
  },
  {
    id: 'PROBE-ITEM',
    method: 'GET',
    pattern: '/client-id/:client_id/probe/:item_id',
    scopes: ['merchant'],
    idempotent: false,
    handle: (ctx) => ({ status: 200, body: { item_id: ctx.params.item_id } }),
  },
  {
    id: 'PROBE-BUG',
    method: 'GET',
    pattern: '/client-id/:client_id/probe-bug',
    scopes: ['merchant'],
    idempotent: false,
    handle: () => {
      throw new TypeError('secret internal detail at /work/main/src/x.ts:12');
    },
  },
  {
    id: 'PROBE-BUSINESS',
    method: 'GET',
    pattern: '/client-id/:client_id/probe-business',
    scopes: ['merchant'],
    idempotent: false,
    handle: () => {
      throw new ApiError(409, 'credit_exceeded');
    },
  },
];

/** A GET with the path sent byte for byte (fetch would normalize dot segments before sending). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sandbox.port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

let sandbox: RunningSandbox;
let url: string;
let merchantToken: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, extraRoutes: probeRoutes });
  url = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(url);
  merchantToken = await token(url);
});

function expectErrorShape(body: Record<string, unknown>, status: number, error: string, path: string): void {
  expect(body).toMatchObject({ code: status, error, url: path });
  expect(typeof body.error_description).toBe('string');
  expect(typeof body.message).toBe('string');
  expect((body.message as string).length).toBeGreaterThan(0);
}

describe('routing', () => {
  it('answers 404 not_found in the §0A.3 shape for an unknown path, with the query left out of url', async () => {
    const path = apiPath(`/client-id/${demo}/no-such-endpoint`);
    const res = await call(url, 'GET', `${path}?x=1`, { token: merchantToken });
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 404, 'not_found', path);
    expect(res.body.error_description).toBe('not_found');
  });

  it('answers 404 for an unknown version and for the deprecated merchants/login', async () => {
    const wrongVersion = await call(url, 'POST', `/flexiti/pos-api/v2.4/client-id/${demo}/probe`, {
      token: merchantToken,
    });
    expect(wrongVersion.status).toBe(404);
    const login = await call(url, 'POST', `/client-id/${demo}/merchants/login`, {
      token: merchantToken,
      body: {},
    });
    expect(login.status).toBe(404);
    expect(login.body.error).toBe('not_found');
  });

  it('answers 405 method_not_allowed for a known path with the wrong method, with an Allow header', async () => {
    const path = apiPath(`/client-id/${demo}/probe`);
    const res = await call(url, 'GET', path, { token: merchantToken });
    expect(res.status).toBe(405);
    expectErrorShape(res.body, 405, 'method_not_allowed', path);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('serves every route under both v2.5 and v2.5.1', async () => {
    for (const version of ['v2.5', 'v2.5.1'] as const) {
      const res = await call(url, 'POST', `/client-id/${demo}/probe`, {
        token: merchantToken,
        body: {},
        version,
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(version);
    }
  });

  it('answers path traversal and odd path segments with a clean 404', async () => {
    const odd = [
      `/flexiti/pos-api/v2.5/client-id/${demo}/probe/..`,
      `/flexiti/pos-api/v2.5/client-id/${demo}/probe/%2e%2e`,
      `/flexiti/pos-api/v2.5/client-id/${demo}/probe/..%2f..%2fetc%2fpasswd`,
      `/flexiti/pos-api/v2.5/client-id/${demo}/probe/%00`,
      `/flexiti/pos-api/v2.5/client-id/${demo}//probe`,
      `/flexiti/pos-api/v2.5/client-id/${demo}/probe/`,
      `/flexiti/pos-api/v2.5/../v2.5/client-id/${demo}/probe/1`,
    ];
    for (const path of odd) {
      const res = await rawGet(path, {
        authorization: `Bearer ${merchantToken}`,
        'x-reference-id': TEST_REFERENCE_ID,
      });
      const body = JSON.parse(res.text) as Record<string, unknown>;
      expect(res.status, path).toBe(404);
      expect(body.error, path).toBe('not_found');
      expect(JSON.stringify(body)).not.toMatch(/stack|at \//);
    }
    const normal = await call(url, 'GET', `/client-id/${demo}/probe/42`, { token: merchantToken });
    expect(normal.status).toBe(200);
    expect(normal.body.item_id).toBe('42');
  });
});

describe('401 token and 403 scope', () => {
  const path = apiPath(`/client-id/${demo}/probe`);

  it('refuses a missing token with 401 invalid_token, "invalid"', async () => {
    const res = await call(url, 'POST', path, { body: {} });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401, 'invalid_token', path);
    expect(res.body.error_description).toBe('The access token provided is invalid.');
  });

  it('refuses an unknown token and a non-Bearer scheme with 401 invalid_token, "invalid"', async () => {
    const unknown = await call(url, 'POST', path, { token: 'f'.repeat(40), body: {} });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error_description).toBe('The access token provided is invalid.');
    const basic = await call(url, 'POST', path, {
      headers: { authorization: `Basic ${merchantToken}` },
      body: {},
    });
    expect(basic.status).toBe(401);
    expect(basic.body.error).toBe('invalid_token');
  });

  it('refuses an expired token with 401 invalid_token, "expired", after 20 minutes on the sandbox clock', async () => {
    await advanceClock(url, 1199);
    const stillValid = await call(url, 'POST', path, { token: merchantToken, body: {} });
    expect(stillValid.status).toBe(200);
    await advanceClock(url, 1);
    const res = await call(url, 'POST', path, { token: merchantToken, body: {} });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401, 'invalid_token', path);
    expect(res.body.error_description).toBe('The access token provided has expired.');
  });

  it('refuses a path client_id that is not the token client with 401 invalid_token', async () => {
    const other = apiPath(`/client-id/${DEMO.merchants.second.clientId}/probe`);
    const res = await call(url, 'POST', other, { token: merchantToken, body: {} });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 401, 'invalid_token', other);
    const secondToken = await token(url, { clientId: DEMO.merchants.second.clientId });
    expect((await call(url, 'POST', other, { token: secondToken, body: {} })).status).toBe(200);
  });

  it('refuses a customer token on a merchant-only endpoint with 403 insufficient_scope', async () => {
    const customerToken = await token(url, { scope: 'customer' });
    const res = await call(url, 'POST', path, { token: customerToken, body: {} });
    expect(res.status).toBe(403);
    expectErrorShape(res.body, 403, 'insufficient_scope', path);
    expect(res.body.error_description).toBe('Insufficient scope: authorized scope is insufficient');
    const shared = await call(url, 'GET', `/client-id/${demo}/probe-shared`, { token: customerToken });
    expect(shared.status).toBe(200);
    expect(shared.body.scope).toBe('customer');
  });

  it('checks the token before inputs: a bad token and a missing x-reference-id give 401, a customer token 403', async () => {
    const noToken = await call(url, 'POST', path, { referenceId: null, lang: 'xx', body: '{bad' });
    expect(noToken.status).toBe(401);
    const customerToken = await token(url, { scope: 'customer' });
    const wrongScope = await call(url, 'POST', path, { token: customerToken, referenceId: null, lang: 'xx' });
    expect(wrongScope.status).toBe(403);
  });

  it('answers 409 invalid_role to a live token of a merchant no longer provisioned', async () => {
    const off = await call(url, 'POST', `/sandbox/merchants/${demo}`, { body: { provisioned: false } });
    expect(off.status).toBe(200);
    const res = await call(url, 'POST', path, { token: merchantToken, body: {} });
    expect(res.status).toBe(409);
    expectErrorShape(res.body, 409, 'invalid_role', path);
  });
});

describe('inputs: x-reference-id, lang and bodies', () => {
  const path = apiPath(`/client-id/${demo}/probe`);

  it('requires x-reference-id: 1-32 characters of A-Z a-z 0-9 -', async () => {
    const cases: Array<[string | null, string]> = [
      [null, 'required'],
      ['', 'required'],
      ['a'.repeat(33), 'length'],
      ['abc_def', 'invalid'],
      ['abc def', 'invalid'],
      ['réf', 'invalid'],
    ];
    for (const [referenceId, msg] of cases) {
      const res = await call(url, 'POST', path, { token: merchantToken, referenceId, body: {} });
      expect(res.status, String(referenceId)).toBe(409);
      expectErrorShape(res.body, 409, 'wrong_inputs', path);
      expect(res.body.field_errors, String(referenceId)).toEqual([
        expect.objectContaining({ param: 'x-reference-id', msg }),
      ]);
    }
    for (const ok of ['a', 'A-1', 'x'.repeat(32), '3f2b6a0c-1d2e-4f00-9abc-0123456789ab'.slice(0, 32)]) {
      const res = await call(url, 'POST', path, { token: merchantToken, referenceId: ok, body: {} });
      expect(res.status, ok).toBe(200);
      expect(res.body.reference_id).toBe(ok);
    }
  });

  it('accepts lang en, fr, en-CA, fr-CA and refuses anything else with 409 wrong_inputs (param lang)', async () => {
    const accepted: Array<[string, string]> = [
      ['en', 'en'],
      ['fr', 'fr'],
      ['en-CA', 'en'],
      ['fr-CA', 'fr'],
    ];
    for (const [lang, expected] of accepted) {
      const res = await call(url, 'POST', path, { token: merchantToken, lang, body: {} });
      expect(res.status, lang).toBe(200);
      expect(res.body.lang).toBe(expected);
    }
    expect((await call(url, 'POST', path, { token: merchantToken, body: {} })).body.lang).toBe('en');
    for (const lang of ['de', 'english', '', 'fr_CA']) {
      const res = await call(url, 'POST', path, { token: merchantToken, lang, body: {} });
      expect(res.status, lang).toBe(409);
      expect(res.body.field_errors).toEqual([{ param: 'lang', msg: 'invalid', value: lang }]);
    }
  });

  it('localizes every error message by lang', async () => {
    const en = await call(url, 'GET', `/client-id/${demo}/probe-business`, {
      token: merchantToken,
      lang: 'en',
    });
    const fr = await call(url, 'GET', `/client-id/${demo}/probe-business`, {
      token: merchantToken,
      lang: 'fr',
    });
    expect(en.status).toBe(409);
    expect(en.body.message).toBe('The purchase amount plus interest exceeds the available credit.');
    expect(fr.body.error).toBe('credit_exceeded');
    expect(fr.body.message).not.toBe(en.body.message);
    const wrongEn = await call(url, 'POST', path, { token: merchantToken, referenceId: null, lang: 'en' });
    const wrongFr = await call(url, 'POST', path, { token: merchantToken, referenceId: null, lang: 'fr' });
    expect(wrongEn.body.message).toBe('Some inputs are wrong or missing!');
    expect(wrongFr.body.message).toBe('Certaines données sont erronées ou manquantes!');
    const notFoundFr = await call(url, 'GET', `/client-id/${demo}/nothing`, {
      token: merchantToken,
      lang: 'fr',
    });
    expect(notFoundFr.body.message).not.toBe(
      (await call(url, 'GET', `/client-id/${demo}/nothing`)).body.message,
    );
  });

  it('accepts JSON and form-encoded bodies and ignores unknown query parameters', async () => {
    const json = await call(url, 'POST', `${path}?unknown=1`, {
      token: merchantToken,
      body: { amount: 10.5, extra: 'x' },
    });
    expect(json.status).toBe(200);
    expect(json.body.body).toEqual({ amount: 10.5, extra: 'x' });
    const form = await call(url, 'POST', path, {
      token: merchantToken,
      body: 'amount=10.50&note=caf%C3%A9',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(200);
    expect(form.body.body).toEqual({ amount: '10.50', note: 'café' });
  });

  it('refuses malformed JSON, a non-object JSON body and another content type with 409 wrong_inputs (param body)', async () => {
    const bodies: Array<[string, string]> = [
      ['{"amount": 10,', 'application/json'],
      ['[1,2]', 'application/json'],
      ['"text"', 'application/json'],
      ['amount=10', 'text/plain'],
      ['<a/>', 'application/xml'],
    ];
    for (const [body, type] of bodies) {
      const res = await call(url, 'POST', path, {
        token: merchantToken,
        body,
        headers: { 'content-type': type },
      });
      expect(res.status, `${type} ${body}`).toBe(409);
      expectErrorShape(res.body, 409, 'wrong_inputs', path);
      expect(res.body.field_errors).toEqual([{ param: 'body', msg: 'invalid' }]);
    }
  });

  it('keeps unicode in bodies intact', async () => {
    const text = 'Île-du-Prince-Édouard — 東京 🙂';
    const res = await call(url, 'POST', path, { token: merchantToken, body: { reference: text } });
    expect(res.status).toBe(200);
    expect(res.body.body).toEqual({ reference: text });
  });

  it('answers 413 payload_too_large to a body over 1 MiB and keeps serving', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) });
    const res = await call(url, 'POST', path, {
      token: merchantToken,
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 413, 'payload_too_large', path);
    const exactlyAtLimit = JSON.stringify({ pad: 'y'.repeat(1024 * 1024 - 20) });
    expect(Buffer.byteLength(exactlyAtLimit)).toBeLessThanOrEqual(1024 * 1024);
    const ok = await call(url, 'POST', path, {
      token: merchantToken,
      body: exactlyAtLimit,
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.status).toBe(200);
    const after = await call(url, 'POST', path, { token: merchantToken, body: { still: 'serving' } });
    expect(after.status).toBe(200);
  });

  it('answers 413 to a chunked body (no content-length) that grows past 1 MiB', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * 1024 * 1024) {
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(url + path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${merchantToken}`,
        'x-reference-id': TEST_REFERENCE_ID,
        'content-type': 'application/json',
      },
      body: stream,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' }).catch((err: unknown) => err);
    if (res instanceof Response) {
      expect(res.status).toBe(413);
    } else {
      // The server may close the connection before the client finishes sending: also a refusal.
      expect(res).toBeInstanceOf(Error);
    }
    expect((await call(url, 'POST', path, { token: merchantToken, body: {} })).status).toBe(200);
  });
});

describe('failures inside a route', () => {
  it('turns a thrown bug into 500 general_error without a stack or the error text, and keeps serving', async () => {
    const path = apiPath(`/client-id/${demo}/probe-bug`);
    const res = await call(url, 'GET', path, { token: merchantToken });
    expect(res.status).toBe(500);
    expectErrorShape(res.body, 500, 'general_error', path);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toContain('.ts');
    expect(res.body).not.toHaveProperty('stack');
    expect(
      (await call(url, 'POST', `/client-id/${demo}/probe`, { token: merchantToken, body: {} })).status,
    ).toBe(200);
  });
});

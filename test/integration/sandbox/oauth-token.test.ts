/**
 * A1 POST /oauth/token against the sandbox over HTTP (§3, §0A.4), with token lifetimes on the sandbox clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../../src/sandbox/http/route';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { advanceClock, apiPath, call, resetSandbox, type TokenResponse } from './sandbox-client';

const demo = DEMO.merchants.demo;
const second = DEMO.merchants.second;
const TOKEN_PATH = apiPath('/oauth/token');

const whoAmI: RouteDef = {
  id: 'PROBE-WHOAMI',
  method: 'GET',
  pattern: '/client-id/:client_id/whoami',
  scopes: ['merchant', 'customer'],
  idempotent: false,
  handle: (ctx) => ({ status: 200, body: { client_id: ctx.auth?.clientId, scope: ctx.auth?.scope } }),
};

let sandbox: RunningSandbox;
let url: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, extraRoutes: [whoAmI] });
  url = sandbox.url;
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await resetSandbox(url);
});

async function postForm(
  fields: Record<string, string>,
  opts: { referenceId?: string | null; lang?: string; version?: 'v2.5' | 'v2.5.1' } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await call(url, 'POST', apiPath('/oauth/token', opts.version), {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    referenceId: opts.referenceId,
    lang: opts.lang,
  });
  return res;
}

const credentials = { client_id: demo.clientId, client_secret: demo.clientSecret };

async function issue(scope?: string): Promise<TokenResponse> {
  const res = await postForm({
    ...credentials,
    grant_type: 'client_credentials',
    ...(scope ? { scope } : {}),
  });
  expect(res.status).toBe(200);
  return res.body as unknown as TokenResponse;
}

async function refresh(refreshToken: string, extra: Record<string, string> = {}) {
  return postForm({ ...credentials, grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

async function whoami(accessToken: string) {
  return call(url, 'GET', `/client-id/${demo.clientId}/whoami`, { token: accessToken });
}

const INVALID_GRANT_BODY = {
  code: 401,
  error: 'invalid_grant',
  error_description: 'The refresh token is invalid or its access token has expired.',
  message: 'The sign-in has expired. Request a new token.',
  url: TOKEN_PATH,
};

describe('client_credentials', () => {
  it('issues a bearer token of 40 hex characters for 1200 seconds with scope merchant by default', async () => {
    const res = await postForm(credentials);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(res.body.refresh_token).toMatch(/^[0-9a-f]{40}$/);
    expect(res.body.access_token).not.toBe(res.body.refresh_token);
    expect(res.body.expires_in).toBe(1200);
    expect(res.body.scope).toBe('merchant');
    const me = await whoami(res.body.access_token as string);
    expect(me.body).toEqual({ client_id: demo.clientId, scope: 'merchant' });
  });

  it('issues customer-scope tokens when asked, and a new token each time', async () => {
    const a = await issue('customer');
    const b = await issue('customer');
    expect(a.scope).toBe('customer');
    expect(a.access_token).not.toBe(b.access_token);
    expect((await whoami(a.access_token)).body.scope).toBe('customer');
  });

  it('is served under v2.5.1 as well', async () => {
    const res = await postForm(credentials, { version: 'v2.5.1' });
    expect(res.status).toBe(200);
  });

  it('refuses another scope with 409 wrong_inputs (param scope)', async () => {
    const res = await postForm({ ...credentials, scope: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'wrong_inputs', url: TOKEN_PATH });
    expect(res.body.field_errors).toEqual([{ param: 'scope', msg: 'invalid', value: 'admin' }]);
  });

  it('expires the access token after 20 minutes on the sandbox clock', async () => {
    const t = await issue();
    await advanceClock(url, 1199);
    expect((await whoami(t.access_token)).status).toBe(200);
    await advanceClock(url, 1);
    const expired = await whoami(t.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      error: 'invalid_token',
      error_description: 'The access token provided has expired.',
    });
  });
});

describe('encoding and headers', () => {
  it('refuses a JSON body with 400 invalid_request', async () => {
    const res = await call(url, 'POST', TOKEN_PATH, {
      body: { ...credentials, grant_type: 'client_credentials' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, error: 'invalid_request', url: TOKEN_PATH });
  });

  it('refuses parameters sent only in the query string with 400 invalid_request', async () => {
    const query = new URLSearchParams({ ...credentials, grant_type: 'client_credentials' }).toString();
    const res = await call(url, 'POST', `${TOKEN_PATH}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.url).toBe(TOKEN_PATH);
  });

  it('refuses a form body sent as text/plain with 400 invalid_request', async () => {
    const res = await call(url, 'POST', TOKEN_PATH, {
      body: new URLSearchParams(credentials).toString(),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('requires x-reference-id (409 wrong_inputs)', async () => {
    const missing = await postForm(credentials, { referenceId: null });
    expect(missing.status).toBe(409);
    expect(missing.body.field_errors).toEqual([{ param: 'x-reference-id', msg: 'required' }]);
    const bad = await postForm(credentials, { referenceId: 'not/valid' });
    expect(bad.status).toBe(409);
  });

  it('answers GET with 405 method_not_allowed', async () => {
    const res = await call(url, 'GET', TOKEN_PATH);
    expect(res.status).toBe(405);
    expect(res.body.error).toBe('method_not_allowed');
  });
});

describe('grant_type and client authentication', () => {
  it('refuses grant_type password and unknown grants with 400 invalid_request', async () => {
    for (const grant of ['password', 'authorization_code', 'client_credential']) {
      const res = await postForm({ ...credentials, grant_type: grant, username: 'u', password: 'p' });
      expect(res.status, grant).toBe(400);
      expect(res.body.error, grant).toBe('invalid_request');
    }
  });

  it('refuses a missing or wrong client_id or client_secret with 400 invalid_client, on both grants', async () => {
    const t = await issue();
    const cases: Array<Record<string, string>> = [
      { client_secret: demo.clientSecret },
      { client_id: demo.clientId },
      { client_id: demo.clientId, client_secret: 'wrong-secret' },
      { client_id: demo.clientId, client_secret: second.clientSecret },
      { client_id: 'nobody', client_secret: demo.clientSecret },
      { client_id: demo.clientId, client_secret: '' },
    ];
    for (const c of cases) {
      const grants: Array<Record<string, string>> = [
        { grant_type: 'client_credentials' },
        { grant_type: 'refresh_token', refresh_token: t.refresh_token },
      ];
      for (const grant of grants) {
        const res = await postForm({ ...c, ...grant });
        expect(res.status, JSON.stringify({ c, grant })).toBe(400);
        expect(res.body.error).toBe('invalid_client');
        expect(JSON.stringify(res.body)).not.toContain(demo.clientSecret);
      }
    }
    // The refresh token survived the refused attempts.
    expect((await refresh(t.refresh_token)).status).toBe(200);
  });

  it('answers 409 invalid_role for a merchant no longer provisioned, on both grants', async () => {
    const t = await issue();
    await call(url, 'POST', `/sandbox/merchants/${demo.clientId}`, { body: { provisioned: false } });
    const fresh = await postForm(credentials);
    expect(fresh.status).toBe(409);
    expect(fresh.body).toMatchObject({ code: 409, error: 'invalid_role', url: TOKEN_PATH });
    const refreshed = await refresh(t.refresh_token);
    expect(refreshed.status).toBe(409);
    expect(refreshed.body.error).toBe('invalid_role');
  });

  it('serves the second demo merchant with its own secret', async () => {
    const res = await postForm({ client_id: second.clientId, client_secret: second.clientSecret });
    expect(res.status).toBe(200);
  });
});

describe('refresh_token', () => {
  it('rotates: a new access and refresh token; the used refresh token stops working', async () => {
    const first = await issue();
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(200);
    const next = res.body as unknown as TokenResponse;
    expect(next.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(next.refresh_token).toMatch(/^[0-9a-f]{40}$/);
    expect(next.access_token).not.toBe(first.access_token);
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect(next.expires_in).toBe(1200);
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual(INVALID_GRANT_BODY);
    expect((await refresh(next.refresh_token)).status).toBe(200);
  });

  it('keeps the previous access token valid until its own expiry', async () => {
    const first = await issue();
    await advanceClock(url, 600);
    const next = (await refresh(first.refresh_token)).body as unknown as TokenResponse;
    expect((await whoami(first.access_token)).status).toBe(200);
    await advanceClock(url, 600);
    expect((await whoami(first.access_token)).status).toBe(401);
    expect((await whoami(next.access_token)).status).toBe(200);
    await advanceClock(url, 600);
    expect((await whoami(next.access_token)).status).toBe(401);
  });

  it('refuses a refresh once the access token issued with it has expired', async () => {
    const first = await issue();
    await advanceClock(url, 1200);
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(INVALID_GRANT_BODY);
  });

  it('allows a refresh one second before expiry', async () => {
    const first = await issue();
    await advanceClock(url, 1199);
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it('refuses an unknown refresh token, an access token in its place, and another client’s refresh token', async () => {
    const first = await issue();
    for (const candidate of ['0'.repeat(40), first.access_token]) {
      const res = await refresh(candidate);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(INVALID_GRANT_BODY);
    }
    const foreign = await postForm({
      client_id: second.clientId,
      client_secret: second.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error).toBe('invalid_grant');
  });

  it('requires refresh_token on the refresh grant (409 wrong_inputs), never echoing it', async () => {
    const res = await postForm({ ...credentials, grant_type: 'refresh_token' });
    expect(res.status).toBe(409);
    expect(res.body.field_errors).toEqual([{ param: 'refresh_token', msg: 'required' }]);
  });

  it('keeps the original scope and ignores a scope parameter on refresh', async () => {
    const customer = await issue('customer');
    const res = await refresh(customer.refresh_token, { scope: 'merchant' });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('customer');
    expect((await whoami(res.body.access_token as string)).body.scope).toBe('customer');
  });

  it('localizes the invalid_grant message in French', async () => {
    const res = await postForm(
      { ...credentials, grant_type: 'refresh_token', refresh_token: 'f'.repeat(40) },
      { lang: 'fr' },
    );
    expect(res.status).toBe(401);
    expect(res.body.error_description).toBe(INVALID_GRANT_BODY.error_description);
    expect(res.body.message).not.toBe(INVALID_GRANT_BODY.message);
  });
});

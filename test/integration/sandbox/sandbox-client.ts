/**
 * A tiny HTTP helper for sandbox contract tests: real requests over loopback, nothing mocked.
 */
import { DEMO } from '../../../src/sandbox/state/demo-data';

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  /** A JSON body (sent as application/json) or a string sent as is. */
  body?: unknown;
  lang?: string;
  /** Defaults to a fixed test reference id; pass null to leave the header out. */
  referenceId?: string | null;
  headers?: Record<string, string>;
  /** Defaults to v2.5. */
  version?: 'v2.5' | 'v2.5.1';
}

export const TEST_REFERENCE_ID = '0123456789abcdef0123456789abcdef';

/** Builds /flexiti/pos-api/{version}{rest}. */
export function apiPath(rest: string, version: 'v2.5' | 'v2.5.1' = 'v2.5'): string {
  return `/flexiti/pos-api/${version}${rest}`;
}

async function parse<T>(res: Response): Promise<CallResult<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON stays text: the test's assertion on it will say what went wrong.
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/**
 * Calls the sandbox. `path` is either a full path (starting with /flexiti or /sandbox) or the part after
 * /flexiti/pos-api/{version} (starting with /client-id or /oauth).
 */
export async function call<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  const full =
    path.startsWith('/flexiti/') || path.startsWith('/sandbox') ? path : apiPath(path, opts.version);
  const target = new URL(url + full);
  if (opts.lang !== undefined) target.searchParams.set('lang', opts.lang);
  const headers: Record<string, string> = {};
  if (opts.referenceId !== null) headers['x-reference-id'] = opts.referenceId ?? TEST_REFERENCE_ID;
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string') {
      body = opts.body;
    } else {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
  }
  Object.assign(headers, opts.headers);
  const res = await fetch(target, { method, headers, body });
  return parse<T>(res);
}

export interface TokenResponse {
  token_type: string;
  access_token: string;
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** A token for a demo merchant (default flexitidemo, merchant scope). Throws if the sandbox refuses. */
export async function token(
  url: string,
  opts: { clientId?: string; clientSecret?: string; scope?: 'merchant' | 'customer' } = {},
): Promise<string> {
  const res = await tokenResponse(url, opts);
  return res.access_token;
}

export async function tokenResponse(
  url: string,
  opts: { clientId?: string; clientSecret?: string; scope?: 'merchant' | 'customer' } = {},
): Promise<TokenResponse> {
  const clientId = opts.clientId ?? DEMO.merchants.demo.clientId;
  const secret =
    opts.clientSecret ??
    (clientId === DEMO.merchants.second.clientId
      ? DEMO.merchants.second.clientSecret
      : DEMO.merchants.demo.clientSecret);
  const form = new URLSearchParams({
    client_id: clientId,
    client_secret: secret,
    grant_type: 'client_credentials',
    scope: opts.scope ?? 'merchant',
  });
  const res = await fetch(`${url}${apiPath('/oauth/token')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-reference-id': TEST_REFERENCE_ID },
    body: form.toString(),
  });
  const parsed = await parse<TokenResponse>(res);
  if (parsed.status !== 200)
    throw new Error(`token request failed: ${parsed.status} ${JSON.stringify(parsed.body)}`);
  return parsed.body;
}

/** Moves the sandbox clock forward. */
export async function advanceClock(url: string, seconds: number): Promise<void> {
  const res = await call(url, 'POST', '/sandbox/clock', { body: { advance_seconds: seconds } });
  if (res.status !== 200) throw new Error(`clock advance failed: ${res.status}`);
}

export async function resetSandbox(url: string): Promise<void> {
  const res = await call(url, 'POST', '/sandbox/reset');
  if (res.status !== 200) throw new Error(`reset failed: ${res.status}`);
}

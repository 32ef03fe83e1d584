/**
 * The /sandbox/* control API for tests and trainers: no token, loopback only, zod-validated, errors in
 * the same §0A.3 body shape as the POS API.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { faultRequestSchema } from '../faults/fault-registry';
import { ApiError, wrongInputs } from '../http/api-error';
import { parseBody, readRawBody } from '../http/body-reader';
import { errorBody, generalError } from '../http/error-body';
import type { HttpReply } from '../http/request-pipeline';
import { booleanInput, parseOrThrow, pathId } from '../http/validation';
import type { SandboxRuntime } from '../runtime';
import { settleTime } from '../time-hooks';
import { accountReport } from './account-report';
import { createCustomer } from './create-customer';

export const CONTROL_PREFIX = '/sandbox';

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const clockSchema = z.object({
  advance_seconds: z
    .number()
    .min(0)
    .max(10 * 365 * 24 * 3600),
});

const merchantSchema = z.object({
  provisioned: booleanInput.optional(),
  preauth_allowed: booleanInput.optional(),
  merchant_override_allowed: booleanInput.optional(),
  standard_accounts_enabled: booleanInput.optional(),
});

type Handler = (
  runtime: SandboxRuntime,
  body: unknown,
  params: Record<string, string>,
) => { status: number; body: unknown };

interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Segments after /sandbox; ':x' binds a parameter. */
  segments: string[];
  handle: Handler;
}

function route(method: ControlRoute['method'], pattern: string, handle: Handler): ControlRoute {
  return { method, segments: pattern.split('/').filter(Boolean), handle };
}

const ROUTES: ControlRoute[] = [
  route('GET', '/health', (rt) => ({ status: 200, body: { status: 'ok', now: iso(rt.clock.now()) } })),
  route('POST', '/reset', (rt) => {
    rt.reset();
    return { status: 200, body: { reset: true, now: iso(rt.clock.now()) } };
  }),
  route('GET', '/stats', (rt) => ({ status: 200, body: rt.stats.snapshot() })),
  route('GET', '/outbox', (rt) => ({
    status: 200,
    body: {
      messages: [...rt.state.outbox]
        .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime() || b.id - a.id)
        .map((m) => ({
          id: m.id,
          channel: m.channel,
          to: m.to,
          account_number: m.accountNumber,
          request_id: m.requestId,
          pin: m.pin,
          lang: m.lang,
          text: m.text,
          sent_at: iso(m.sentAt),
        })),
    },
  })),
  route('POST', '/customers', (rt, body) => ({
    status: 201,
    body: createCustomer(rt.state, body, rt.clock.now()),
  })),
  route('GET', '/accounts/:account_number', (rt, _body, params) => {
    const account = rt.state.accounts.get(pathId(params.account_number, 14));
    if (!account) throw new ApiError(404, 'not_found');
    return { status: 200, body: accountReport(rt.state, account) };
  }),
  route('GET', '/clock', (rt) => ({
    status: 200,
    body: { now: iso(rt.clock.now()), offset_seconds: rt.clock.offsetMs() / 1000 },
  })),
  route('POST', '/clock', (rt, body) => {
    const { advance_seconds } = parseOrThrow(clockSchema, body ?? {});
    const now = rt.clock.advance(advance_seconds);
    settleTime(rt.state, now);
    return { status: 200, body: { now: iso(now), offset_seconds: rt.clock.offsetMs() / 1000 } };
  }),
  route('GET', '/faults', (rt) => ({
    status: 200,
    body: {
      faults: rt.faults.list().map((f) => ({
        id: f.id,
        method: f.method,
        path: f.path,
        kind: f.kind,
        status: f.status ?? null,
        latency_ms: f.latencyMs ?? null,
        remaining: f.remaining,
        hits: f.hits,
      })),
    },
  })),
  route('POST', '/faults', (rt, body) => {
    const fault = rt.faults.add(parseOrThrow(faultRequestSchema, body ?? {}));
    return { status: 201, body: { id: fault.id } };
  }),
  route('DELETE', '/faults', (rt) => {
    const cleared = rt.faults.list().length;
    rt.faults.clear();
    return { status: 200, body: { cleared } };
  }),
  route('POST', '/merchants/:client_id', (rt, body, params) => {
    const merchant = rt.state.merchants.get(params.client_id ?? '');
    if (!merchant) throw new ApiError(404, 'not_found');
    const f = parseOrThrow(merchantSchema, body ?? {});
    if (f.provisioned !== undefined) merchant.provisioned = f.provisioned;
    if (f.preauth_allowed !== undefined) merchant.preauthAllowed = f.preauth_allowed;
    if (f.merchant_override_allowed !== undefined)
      merchant.merchantOverrideAllowed = f.merchant_override_allowed;
    if (f.standard_accounts_enabled !== undefined)
      merchant.standardAccountsEnabled = f.standard_accounts_enabled;
    return {
      status: 200,
      body: {
        client_id: merchant.clientId,
        provisioned: merchant.provisioned,
        preauth_allowed: merchant.preauthAllowed,
        merchant_override_allowed: merchant.merchantOverrideAllowed,
        standard_accounts_enabled: merchant.standardAccountsEnabled,
      },
    };
  }),
];

function findRoute(
  method: string,
  path: string,
): { route: ControlRoute; params: Record<string, string> } | 'not_found' | string[] {
  const segments = path.slice(CONTROL_PREFIX.length).split('/').filter(Boolean);
  const allowed: string[] = [];
  for (const r of ROUTES) {
    if (r.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = r.segments.every((s, i) => {
      const seg = segments[i] as string;
      if (s.startsWith(':')) {
        params[s.slice(1)] = seg;
        return true;
      }
      return s === seg;
    });
    if (!ok) continue;
    if (r.method === method) return { route: r, params };
    allowed.push(r.method);
  }
  return allowed.length > 0 ? allowed : 'not_found';
}

function reply(err: ApiError, path: string, extra: Partial<HttpReply> = {}): HttpReply {
  return {
    status: err.status,
    bodyText: JSON.stringify(errorBody(err, path, 'en')),
    routeId: 'sandbox',
    ...extra,
  };
}

export async function handleControlRequest(
  runtime: SandboxRuntime,
  req: IncomingMessage,
  method: string,
  path: string,
): Promise<HttpReply> {
  const found = findRoute(method, path);
  if (found === 'not_found') return reply(new ApiError(404, 'not_found'), path);
  if (Array.isArray(found))
    return reply(new ApiError(405, 'method_not_allowed'), path, { headers: { allow: found.join(', ') } });
  const raw = await readRawBody(req);
  if (raw.kind === 'too_large') return reply(new ApiError(413, 'payload_too_large'), path, { close: true });
  try {
    const parsed = parseBody(raw.bytes, req.headers['content-type'] ?? 'application/json');
    if (parsed.kind === 'invalid') throw wrongInputs([{ param: 'body', msg: 'invalid' }]);
    // Reports and resets see the state as of now on the sandbox clock, like the POS API does.
    settleTime(runtime.state, runtime.clock.now());
    const result = found.route.handle(runtime, parsed.body, found.params);
    return { status: result.status, bodyText: JSON.stringify(result.body), routeId: 'sandbox' };
  } catch (err) {
    if (!(err instanceof ApiError))
      console.error('sandbox: control request failed:', err instanceof Error ? err.message : err);
    return reply(err instanceof ApiError ? err : generalError(), path);
  }
}

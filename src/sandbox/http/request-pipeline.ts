/**
 * One POS API request from path to reply: route match (404/405), bounded body (413), the §0A.1 checks
 * in order (401 → 403 → 409 → route), idempotency (§0A.5) and the §0A.3 error body. Nothing thrown
 * inside a route escapes as anything but a 500 general_error body.
 */
import type { IncomingMessage } from 'node:http';
import type { SandboxRuntime } from '../runtime';
import { settleTime } from '../time-hooks';
import { ApiError, wrongInputs } from './api-error';
import { contentKind, parseBody, parseForm, readRawBody } from './body-reader';
import { errorBody, generalError } from './error-body';
import { cacheKey, canonicalJson, IDEMPOTENCY_TTL_MS } from '../idempotency/idempotency-cache';
import { authenticate, contextHash, inputErrors, parseLang } from './request-checks';
import type { ApiVersion, Lang, RouteContext, RouteDef } from './route';
import type { Router } from './router';

export const API_PREFIX = '/flexiti/pos-api/';

export interface HttpReply {
  status: number;
  bodyText: string;
  headers?: Record<string, string>;
  /** Close the connection after the reply (the request body was not read to its end). */
  close?: boolean;
  /** For stats: the route id, or 'unmatched'. */
  routeId: string;
}

function versionOf(path: string): { version: ApiVersion; rest: string } | null {
  if (!path.startsWith(API_PREFIX)) return null;
  const after = path.slice(API_PREFIX.length);
  const slash = after.indexOf('/');
  if (slash < 0) return null;
  const version = after.slice(0, slash);
  if (version !== 'v2.5' && version !== 'v2.5.1') return null;
  return { version, rest: after.slice(slash) };
}

function errorReply(
  err: ApiError,
  path: string,
  lang: Lang,
  routeId: string,
  extra: Partial<HttpReply> = {},
): HttpReply {
  return { status: err.status, bodyText: JSON.stringify(errorBody(err, path, lang)), routeId, ...extra };
}

/** An injected status fault: the §0A.3 body with general_error, nothing processed. */
export function faultReply(status: number, path: string, lang: Lang): HttpReply {
  return errorReply(new ApiError(status, 'general_error'), path, lang, 'fault');
}

export async function handleApiRequest(
  runtime: SandboxRuntime,
  router: Router,
  req: IncomingMessage,
  method: string,
  path: string,
  query: URLSearchParams,
): Promise<HttpReply> {
  const rawLang = query.get('lang');
  // Until lang is validated, errors speak the requested language when it is valid, else English.
  const replyLang: Lang = parseLang(rawLang) ?? 'en';

  const versioned = versionOf(path);
  if (!versioned) return errorReply(new ApiError(404, 'not_found'), path, replyLang, 'unmatched');
  const match = router.match(method, versioned.rest);
  if (match.kind === 'not_found')
    return errorReply(new ApiError(404, 'not_found'), path, replyLang, 'unmatched');
  if (match.kind === 'method_not_allowed') {
    return errorReply(new ApiError(405, 'method_not_allowed'), path, replyLang, 'unmatched', {
      headers: { allow: match.allowed.join(', ') },
    });
  }
  const { route, params } = match;

  const raw = await readRawBody(req);
  if (raw.kind === 'too_large') {
    return errorReply(new ApiError(413, 'payload_too_large'), path, replyLang, route.id, { close: true });
  }

  const now = runtime.clock.now();
  const state = runtime.state;
  try {
    settleTime(state, now);

    let auth: RouteContext['auth'] = null;
    let merchant: RouteContext['merchant'] = null;
    if (route.scopes.length > 0) ({ auth, merchant } = authenticate(state, route, req.headers, params, now));

    const inputs = inputErrors(req.headers, rawLang, route.idempotent);
    const lang: Lang = parseLang(rawLang) ?? 'en';
    let body: unknown;
    if (route.scopes.length === 0) {
      // oauth/token: form-encoded body only (§0A.1).
      if (inputs.errors.length > 0) throw wrongInputs(inputs.errors);
      if (contentKind(req.headers['content-type']) !== 'form' || raw.bytes.length === 0) {
        throw new ApiError(400, 'invalid_request');
      }
      body = parseForm(raw.bytes.toString('utf8'));
    } else {
      const parsed = parseBody(raw.bytes, req.headers['content-type']);
      if (parsed.kind === 'invalid') inputs.errors.push({ param: 'body', msg: 'invalid' });
      if (inputs.errors.length > 0) throw wrongInputs(inputs.errors);
      body = parsed.kind === 'ok' ? parsed.body : undefined;
    }

    const ctx: RouteContext = {
      method: route.method,
      path,
      version: versioned.version,
      params,
      query,
      body,
      lang,
      referenceId: inputs.referenceId,
      headers: req.headers,
      auth,
      merchant,
      state,
      now: () => runtime.clock.now(),
    };

    if (route.idempotent && inputs.idempotencyKey !== undefined && auth) {
      return await runIdempotent(runtime, route, ctx, auth.clientId, inputs.idempotencyKey);
    }
    return await runRoute(route, ctx);
  } catch (err) {
    if (!(err instanceof ApiError))
      console.error('sandbox: request failed:', err instanceof Error ? err.message : err);
    return errorReply(err instanceof ApiError ? err : generalError(), path, replyLang, route.id);
  }
}

async function runRoute(route: RouteDef, ctx: RouteContext): Promise<HttpReply> {
  try {
    const result = await route.handle(ctx);
    return { status: result.status, bodyText: JSON.stringify(result.body ?? {}), routeId: route.id };
  } catch (err) {
    if (!(err instanceof ApiError))
      console.error(`sandbox: route ${route.id} failed:`, err instanceof Error ? err.message : err);
    return errorReply(err instanceof ApiError ? err : generalError(), ctx.path, ctx.lang, route.id);
  }
}

async function runIdempotent(
  runtime: SandboxRuntime,
  route: RouteDef,
  ctx: RouteContext,
  clientId: string,
  idempotencyKey: string,
): Promise<HttpReply> {
  const cache = runtime.idempotency;
  const key = cacheKey(clientId, ctx.method, ctx.path, idempotencyKey);
  const hash = contextHash(ctx.headers);
  const canonicalBody = canonicalJson(ctx.body ?? null);
  await cache.waitForTurn(key);
  const decision = cache.decide(key, hash, canonicalBody, runtime.clock.now().getTime());
  if (decision.kind === 'conflict') {
    return errorReply(new ApiError(409, 'idempotency_key_reused'), ctx.path, ctx.lang, route.id);
  }
  if (decision.kind === 'replay') {
    return { status: decision.entry.status, bodyText: decision.entry.bodyText, routeId: route.id };
  }
  const finish = cache.begin(key);
  try {
    const reply = await runRoute(route, ctx);
    // Stored before the reply is written: a success whose response is lost is replayed, never redone.
    if (reply.status >= 200 && reply.status < 300) {
      cache.store(key, {
        status: reply.status,
        bodyText: reply.bodyText,
        contextHash: hash,
        canonicalBody,
        expiresAt: runtime.clock.now().getTime() + IDEMPOTENCY_TTL_MS,
      });
    }
    return reply;
  } finally {
    finish();
  }
}

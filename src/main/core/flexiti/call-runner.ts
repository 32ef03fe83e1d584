/**
 * How every endpoint function talks to Flexiti. Reads: a bearer token, one retry of a network
 * failure or 5xx (they change nothing), then a lenient parse. Mutations: through the journal with a
 * fresh idempotency key and the exact body bytes, so a lost answer is replayed or reconciled, never
 * sent as a new operation.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Journal } from '../journal/journal';
import { runJournaled, type JournaledPolicy, type Send, type SendOutcome } from '../journal/journaled-call';
import type { JournalOp, JournalSummary } from '../journal/journal-types';
import { FlexitiCallError, mapFlexitiError, mapNetworkError, ownError } from './flexiti-errors';
import type { HttpTransport, Lang } from './http-transport';
import { newReferenceId, type TokenManager } from './token-manager';

/** One customer flow: the same x-reference-id on every call (verify → authorization → capture). */
export interface FlowContext {
  /** UUID v4 as 32 lower-case hex digits. */
  referenceId: string;
  /** Ties /verify to the authorization, transaction or application that uses its PIN. */
  requestId: string;
  /** The customer's language for Flexiti's messages; the terminal's language when absent. */
  lang?: Lang;
}

export function newFlowContext(lang?: Lang): FlowContext {
  const flow: FlowContext = { referenceId: newReferenceId(), requestId: randomUUID() };
  if (lang) flow.lang = lang;
  return flow;
}

export interface TerminalIdentity {
  /** external_location_id, registered with Flexiti. */
  locationId: string;
  registerId: string;
}

export interface ClientContext {
  transport: HttpTransport;
  tokens: TokenManager;
  journal: Journal;
  terminal: () => TerminalIdentity;
  lang: () => Lang;
  journalPolicy?: Partial<JournaledPolicy>;
}

export type ApiVersion = 'v2.5' | 'v2.5.1';

/** '/v2.5/client-id/flexitidemo/<rest>' with the client id escaped. */
export function clientPath(version: ApiVersion, clientId: string, rest: string): string {
  return `/${version}/client-id/${encodeURIComponent(clientId)}/${rest}`;
}

export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function parseOr<T extends z.ZodType>(schema: T, body: unknown, ref: string): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new FlexitiCallError(ownError('unexpected_response', ref));
  return parsed.data;
}

export interface ReadCall<T extends z.ZodType> {
  method?: 'GET' | 'POST';
  version: ApiVersion;
  /** After /client-id/{client_id}/, with its query (lang is added). */
  rest: string;
  body?: unknown;
  schema: T;
  lang?: Lang;
  /** Statuses answered with a value instead of an error (e.g. 404 on search means "nobody"). */
  onStatus?: Partial<Record<number, () => z.output<T>>>;
}

/** A call that changes nothing at Flexiti (GETs, calculate-interest, driverslicense). */
export async function readCall<T extends z.ZodType>(
  ctx: ClientContext,
  flow: FlowContext,
  call: ReadCall<T>,
): Promise<z.output<T>> {
  const ref = flow.referenceId;
  const clientId = await ctx.tokens.clientId(ref);
  const path = clientPath(call.version, clientId, call.rest);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const once = (): Promise<SendOutcome> =>
    ctx.tokens.withToken(
      (session) =>
        ctx.transport.send({
          callClass: 'read',
          method: call.method ?? 'GET',
          path,
          body,
          referenceId: ref,
          lang: call.lang ?? flow.lang ?? ctx.lang(),
          accessToken: session.accessToken,
        }),
      ref,
    );
  let outcome = await once();
  if (outcome.kind === 'network' || outcome.status >= 500) outcome = await once();
  if (outcome.kind === 'network') throw new FlexitiCallError(mapNetworkError(outcome.error, ref));
  const { status, body: answer } = outcome;
  if (status >= 200 && status < 300) return parseOr(call.schema, answer, ref);
  const special = call.onStatus?.[status];
  if (special && isNotFound(answer)) return special();
  throw new FlexitiCallError(mapFlexitiError(status, answer, ref));
}

function isNotFound(body: unknown): boolean {
  const code = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  return code === undefined || code === 'not_found';
}

export interface MutateCall<T extends z.ZodType> {
  op: JournalOp;
  version: ApiVersion;
  /** After /client-id/{client_id}/, without the query. */
  rest: string;
  body: Record<string, unknown>;
  schema: T;
  summary: JournalSummary;
  lang?: Lang;
}

/** The journaled send: a token per attempt (with the 401 retry) and the journal's key and bytes. */
export function journalSend(ctx: ClientContext): Send {
  return (request) =>
    ctx.tokens
      .withToken(
        (session) =>
          ctx.transport.send({
            callClass: 'mutate',
            method: 'POST',
            path: request.path,
            body: request.body,
            referenceId: request.referenceId,
            accessToken: session.accessToken,
            idempotencyKey: request.idempotencyKey,
            signal: request.signal,
          }),
        request.referenceId,
      )
      // No token means nothing was sent: a network-like failure the journal retries, never an exception.
      .catch((): SendOutcome => ({ kind: 'network', error: 'refused' }));
}

/**
 * A call that changes state at Flexiti. The journal entry is durable before the first byte goes
 * out; an unknown outcome throws `outcome_unknown` (in_doubt) with the entry id for reconciliation.
 */
export async function mutateCall<T extends z.ZodType>(
  ctx: ClientContext,
  flow: FlowContext,
  call: MutateCall<T>,
): Promise<z.output<T>> {
  const ref = flow.referenceId;
  const clientId = await ctx.tokens.clientId(ref);
  const path = withQuery(clientPath(call.version, clientId, call.rest), {
    lang: call.lang ?? flow.lang ?? ctx.lang(),
  });
  const result = await runJournaled(
    ctx.journal,
    {
      op: call.op,
      method: 'POST',
      path,
      body: JSON.stringify(call.body),
      idempotencyKey: randomUUID(),
      referenceId: ref,
      summary: call.summary,
    },
    journalSend(ctx),
    ctx.journalPolicy,
  );
  if (result.outcome === 'in_doubt') {
    throw new FlexitiCallError(ownError('outcome_unknown', ref), result.entry.id);
  }
  if (result.outcome === 'failed') {
    // The journal already retried a 5xx with backoff: Flexiti is down, and nothing was applied.
    const error =
      result.status >= 500
        ? ownError('flexiti_unavailable', ref)
        : mapFlexitiError(result.status, result.body, ref);
    throw new FlexitiCallError(error, result.entry.id);
  }
  const parsed = call.schema.safeParse(result.body);
  // Applied at Flexiti but unreadable: the journal has it confirmed; the caller must not retry.
  if (!parsed.success) throw new FlexitiCallError(ownError('unexpected_response', ref), result.entry.id);
  return parsed.data;
}

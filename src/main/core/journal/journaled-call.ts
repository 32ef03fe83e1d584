import { createHash } from 'node:crypto';
import { z } from 'zod';
import { maskDigitRuns } from '../../../shared/masking';
import type { Journal } from './journal';
import { JournalError } from './journal-errors';
import {
  UNFINISHED_STATES,
  type JournalEntry,
  type JournalPrepareInput,
  type JournalRefs,
  type JournalRequest,
} from './journal-types';

/** The one Flexiti error code the executor knows: the same key was already used with another body. */
export const IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused';

/** Everything one attempt must put on the wire; identical on every attempt but `attempt` and `signal`. */
export interface SendRequest {
  /** 1-based, counted over the whole life of the entry (replays continue the count). */
  attempt: number;
  method: 'POST';
  path: string;
  /** Send these exact characters as UTF-8; never re-serialize. */
  body: string;
  idempotencyKey: string;
  referenceId: string;
  /** Lower-case hex SHA-256 of the UTF-8 body bytes (the x-context-hash header). */
  contextHash: string;
  /** Aborted when the executor gives up on this attempt (attemptTimeoutMs). */
  signal: AbortSignal;
}

export type NetworkError = 'timeout' | 'dropped' | 'refused';

export type SendOutcome =
  { kind: 'response'; status: number; body: unknown } | { kind: 'network'; error: NetworkError };

export type Send = (request: SendRequest) => Promise<SendOutcome>;

const sendOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), status: z.number().int().min(100).max(599), body: z.unknown() }),
  z.object({ kind: z.literal('network'), error: z.enum(['timeout', 'dropped', 'refused']) }),
]);

export interface JournaledPolicy {
  /** Attempts per run (a replay gets as many again). */
  maxAttempts: number;
  /** Delay before the first retry; doubles on each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Each delay is scaled by a random factor in [1 - jitter, 1 + jitter]. */
  jitter: number;
  /** An attempt with no outcome after this long counts as a timeout (its signal is aborted). */
  attemptTimeoutMs: number;
  /** After this long since prepare, a replay could be processed as new: reconcile by lookup instead. */
  replayWindowMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /** Result ids to keep from a 2xx body. */
  extractRefs: (body: unknown) => JournalRefs;
}

export type JournaledLastError =
  | { kind: 'network'; error: NetworkError }
  | { kind: 'status'; status: number; errorCode?: string }
  | { kind: 'exception'; message: string }
  /** Replay refused: the idempotency window has passed. */
  | { kind: 'window_expired' }
  /** Replay refused: the key was reported reused, so only a lookup can tell what happened. */
  | { kind: 'needs_lookup' };

export type JournaledResult =
  | { outcome: 'confirmed'; status: number; body: unknown; entry: JournalEntry }
  | { outcome: 'failed'; status: number; body: unknown; errorCode?: string; entry: JournalEntry }
  | { outcome: 'in_doubt'; entry: JournalEntry; lastError: JournaledLastError };

const REF_FIELDS: ReadonlyArray<[string, keyof JournalRefs]> = [
  ['authorization_id', 'authorizationId'],
  ['capture_id', 'captureId'],
  ['return_id', 'returnId'],
  ['application_id', 'applicationId'],
  ['transaction_id', 'transactionId'],
];

/** Picks the *_id fields the journal keeps from a success body, as opaque strings. */
export function defaultExtractRefs(body: unknown): JournalRefs {
  const refs: JournalRefs = {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return refs;
  const record = body as Record<string, unknown>;
  for (const [field, name] of REF_FIELDS) {
    const value = record[field];
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text === 'string' && text.length >= 1 && text.length <= 64) refs[name] = text;
  }
  return refs;
}

export const DEFAULT_JOURNALED_POLICY: JournaledPolicy = {
  maxAttempts: 4,
  baseDelayMs: 150,
  maxDelayMs: 2_000,
  jitter: 0.2,
  attemptTimeoutMs: 30_000,
  replayWindowMs: 24 * 60 * 60 * 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
  extractRefs: defaultExtractRefs,
};

/** Delay before retry number `retry` (1 = the first retry): exponential, jittered, capped. */
export function backoffDelay(
  retry: number,
  policy: Pick<JournaledPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const factor = 1 - policy.jitter + 2 * policy.jitter * policy.random();
  return Math.max(0, Math.min(policy.maxDelayMs, Math.round(exponential * factor)));
}

export function bodyContextHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

// Entries being driven in this process, so a start-up replay never races a live call.
const inFlight = new WeakMap<Journal, Set<string>>();

function claim(journal: Journal, id: string): () => void {
  let ids = inFlight.get(journal);
  if (!ids) {
    ids = new Set();
    inFlight.set(journal, ids);
  }
  if (ids.has(id)) throw new JournalError('busy', `journal entry ${id} is already being sent`);
  ids.add(id);
  const held = ids;
  return () => held.delete(id);
}

/**
 * Journals a mutating call durably, then sends it: retries network errors and retryable statuses
 * (5xx, 408, 429) with the same key and body bytes; 2xx confirms; `idempotency_key_reused`, and
 * retries exhausted on network errors, leave the entry in doubt (reconcile, never retry blindly);
 * retries exhausted on failure answers (a live call), and any other 4xx, fail it for good.
 */
export async function runJournaled(
  journal: Journal,
  input: JournalPrepareInput,
  send: Send,
  policy: Partial<JournaledPolicy> = {},
): Promise<JournaledResult> {
  const p = { ...DEFAULT_JOURNALED_POLICY, ...policy };
  checkPolicy(p);
  // Prepare and the first "sent" in one durable write: it still lands before any byte goes out.
  const entry = journal.prepareSending(input);
  const release = claim(journal, entry.id);
  try {
    const request: JournalRequest = { method: input.method, path: input.path, body: input.body };
    return await drive(journal, entry, request, 1, true, send, p);
  } finally {
    release();
  }
}

/**
 * Start-up reconciliation: sends an unfinished entry's stored request again with its key and exact
 * bytes, under the same rules. Refuses (in doubt, nothing sent) when the key was reported reused or
 * the idempotency window has passed: those need a lookup.
 */
export async function replayEntry(
  journal: Journal,
  id: string,
  send: Send,
  policy: Partial<JournaledPolicy> = {},
): Promise<JournaledResult> {
  const p = { ...DEFAULT_JOURNALED_POLICY, ...policy };
  checkPolicy(p);
  const release = claim(journal, id);
  try {
    const entry = journal.get(id);
    if (!entry) throw new JournalError('not_found', `no journal entry ${id}`);
    if (!UNFINISHED_STATES.includes(entry.state)) {
      throw new JournalError('invalid_transition', `journal entry ${id} is already ${entry.state}`);
    }
    if (entry.state === 'in_doubt' && entry.lastErrorCode === IDEMPOTENCY_KEY_REUSED) {
      return { outcome: 'in_doubt', entry, lastError: { kind: 'needs_lookup' } };
    }
    if (p.now() - Date.parse(entry.createdAt) >= p.replayWindowMs) {
      journal.markInDoubt(id, 'idempotency window passed: reconcile by lookup');
      return { outcome: 'in_doubt', entry: current(journal, id), lastError: { kind: 'window_expired' } };
    }
    const request = journal.readRequest(id);
    return await drive(journal, entry, request, entry.attempts + 1, false, send, p);
  } finally {
    release();
  }
}

async function drive(
  journal: Journal,
  entry: JournalEntry,
  request: JournalRequest,
  firstAttempt: number,
  firstAlreadySent: boolean,
  send: Send,
  p: JournaledPolicy,
): Promise<JournaledResult> {
  const { id } = entry;
  const contextHash = bodyContextHash(request.body);
  let lastError: JournaledLastError = { kind: 'network', error: 'dropped' };
  let lastBody: unknown = null;
  const lastAttempt = firstAttempt + p.maxAttempts - 1;
  for (let attempt = firstAttempt; attempt <= lastAttempt; attempt++) {
    if (attempt > firstAttempt) await p.sleep(backoffDelay(attempt - firstAttempt, p));
    if (!(firstAlreadySent && attempt === firstAttempt)) journal.markSent(id, attempt);
    const outcome = await sendOnce(
      send,
      {
        attempt,
        method: request.method,
        path: request.path,
        body: request.body,
        idempotencyKey: entry.idempotencyKey,
        referenceId: entry.referenceId,
        contextHash,
      },
      p.attemptTimeoutMs,
    );
    if (outcome.kind === 'exception') {
      lastError = { kind: 'exception', message: maskDigitRuns(outcome.message) };
      journal.markInDoubt(id, `send failed unexpectedly: ${lastError.message}`.slice(0, 500));
      return { outcome: 'in_doubt', entry: current(journal, id), lastError };
    }
    if (outcome.kind === 'network') {
      lastError = { kind: 'network', error: outcome.error };
      lastBody = null;
      continue;
    }
    const { status, body } = outcome;
    const errorCode = errorCodeOf(body);
    if (status >= 200 && status < 300) {
      journal.markConfirmed(id, { status, refs: p.extractRefs(body) });
      return { outcome: 'confirmed', status, body, entry: current(journal, id) };
    }
    if (status === 409 && errorCode === IDEMPOTENCY_KEY_REUSED) {
      lastError = { kind: 'status', status, errorCode };
      journal.markInDoubt(id, 'idempotency key reported reused: reconcile by lookup', { status, errorCode });
      return { outcome: 'in_doubt', entry: current(journal, id), lastError };
    }
    if (status >= 500 || status === 408 || status === 429) {
      lastError = errorCode ? { kind: 'status', status, errorCode } : { kind: 'status', status };
      lastBody = body;
      continue;
    }
    if (status >= 400) {
      journal.markFailed(id, errorCode ? { status, errorCode } : { status });
      return errorCode
        ? { outcome: 'failed', status, body, errorCode, entry: current(journal, id) }
        : { outcome: 'failed', status, body, entry: current(journal, id) };
    }
    // 1xx or 3xx: nothing says whether the call was applied.
    lastError = { kind: 'status', status };
    journal.markInDoubt(id, `unexpected status ${status}`, { status });
    return { outcome: 'in_doubt', entry: current(journal, id), lastError };
  }
  if (lastError.kind === 'status' && firstAlreadySent) {
    // A live call whose last attempt, with the same key, got a failure answer. A success under this
    // key would have been replayed to it (Flexiti caches successes with their effect, never failures,
    // §0A.5), so nothing was applied: the cashier may truthfully say nothing was charged, and nothing
    // is replayed later behind the customer's back. (A replay of an entry already in doubt keeps it in
    // doubt instead: staff were told its outcome is being checked, and the check goes on.)
    const { status, errorCode } = lastError;
    journal.markFailed(id, errorCode ? { status, errorCode } : { status });
    const entryNow = current(journal, id);
    return errorCode
      ? { outcome: 'failed', status, body: lastBody, errorCode, entry: entryNow }
      : { outcome: 'failed', status, body: lastBody, entry: entryNow };
  }
  journal.markInDoubt(
    id,
    `no definitive answer after ${p.maxAttempts} attempts (last: ${describe(lastError)})`,
    lastError.kind === 'status'
      ? lastError.errorCode
        ? { status: lastError.status, errorCode: lastError.errorCode }
        : { status: lastError.status }
      : {},
  );
  return { outcome: 'in_doubt', entry: current(journal, id), lastError };
}

function describe(error: JournaledLastError): string {
  if (error.kind === 'status') return `status ${error.status}`;
  return error.kind === 'network' ? error.error : error.kind;
}

type AttemptOutcome = SendOutcome | { kind: 'exception'; message: string };

async function sendOnce(
  send: Send,
  request: Omit<SendRequest, 'signal'>,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<AttemptOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'network', error: 'timeout' });
    }, timeoutMs);
  });
  // The send's own promise is always settled into an outcome, so a late rejection is never unhandled.
  const sent = Promise.resolve()
    .then(() => send({ ...request, signal: controller.signal }))
    .then(
      (raw): AttemptOutcome => {
        const parsed = sendOutcomeSchema.safeParse(raw);
        return parsed.success
          ? (parsed.data as SendOutcome)
          : { kind: 'exception', message: 'send returned an invalid outcome' };
      },
      (error: unknown): AttemptOutcome => ({
        kind: 'exception',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  try {
    return await Promise.race([sent, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function errorCodeOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const code = (body as Record<string, unknown>).error;
  return typeof code === 'string' && code.length > 0 && code.length <= 100 ? code : undefined;
}

function current(journal: Journal, id: string): JournalEntry {
  const entry = journal.get(id);
  if (!entry) throw new JournalError('not_found', `journal entry ${id} vanished`);
  return entry;
}

function checkPolicy(p: JournaledPolicy): void {
  const ok =
    Number.isSafeInteger(p.maxAttempts) &&
    p.maxAttempts >= 1 &&
    p.baseDelayMs >= 0 &&
    p.maxDelayMs >= 0 &&
    p.jitter >= 0 &&
    p.jitter <= 1 &&
    p.attemptTimeoutMs > 0;
  if (!ok) throw new JournalError('invalid_input', 'invalid journaled-call policy');
}

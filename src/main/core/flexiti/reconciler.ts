/**
 * Settles every unfinished journal entry: at start-up, before the terminal takes new work, and on
 * demand. Within Flexiti's 24-hour idempotency window the stored request is replayed with the same
 * key and bytes (a lost success is answered again, never applied twice). After the window, or when
 * Flexiti reports the key reused, the operation is looked up and marked applied or not applied.
 */
import { parseWireAmount } from '../../../shared/money';
import type { Journal } from '../journal/journal';
import {
  IDEMPOTENCY_KEY_REUSED,
  replayEntry,
  type JournaledLastError,
  type JournaledPolicy,
  type JournaledResult,
} from '../journal/journaled-call';
import type { JournalEntry, JournalRefs } from '../journal/journal-types';
import { journalSend, newFlowContext, type ClientContext } from './call-runner';
import { isFlexitiCallError } from './flexiti-errors';
import { getAuthorization, listAuthorizations } from './transactions-api';
import type { AuthorizationRecord } from './schemas/transaction-schemas';

export type ReconcileAction =
  | 'replayed_confirmed'
  | 'replayed_failed'
  | 'reconciled_applied'
  | 'reconciled_not_applied'
  /** Flexiti could not be reached or answered nothing definitive: try again later. */
  | 'still_in_doubt'
  /** No lookup exists for this operation (refund, transactions, apply, close): a person must check. */
  | 'needs_manual_check';

export interface ReconcileEntryReport {
  id: string;
  op: JournalEntry['op'];
  referenceId: string;
  action: ReconcileAction;
  refs?: JournalRefs;
}

export interface ReconcileReport {
  examined: number;
  replayedConfirmed: number;
  replayedFailed: number;
  reconciledApplied: number;
  reconciledNotApplied: number;
  stillInDoubt: number;
  needsManualCheck: number;
  entries: ReconcileEntryReport[];
}

export interface ReconcilerOptions {
  context: ClientContext;
  journal?: Journal;
  /** Epoch ms; decides whether an entry is still inside the replay window. */
  now?: () => number;
  replayWindowMs?: number;
  policy?: Partial<JournaledPolicy>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const CLAIM_HORIZON_MS = 120 * DAY_MS;

interface StoredRequest {
  path: string;
  body: Record<string, unknown>;
}

/** Ids already accounted for by settled journal entries: a lookup must never claim them twice. */
class ClaimedIds {
  readonly authorizations = new Set<string>();
  readonly captures = new Set<string>();
  readonly returns = new Set<string>();
  /** Released cents already explained, per authorization id. */
  readonly released = new Map<string, number>();

  constructor(journal: Journal, now: number) {
    // Returns are allowed for 100 days after a capture: older settled entries cannot collide.
    const from = now - CLAIM_HORIZON_MS;
    for (const entry of journal.list({ state: ['confirmed', 'reconciled'], from })) {
      if (entry.state === 'reconciled' && entry.resolution !== 'applied') continue;
      this.claim(entry.op, entry.refs, entry.summary.amountCents);
    }
  }

  claim(op: JournalEntry['op'], refs: JournalRefs, amountCents?: number): void {
    if (op === 'authorization' && refs.authorizationId) this.authorizations.add(refs.authorizationId);
    if (op === 'authorization' && refs.captureId) this.captures.add(refs.captureId);
    if (op === 'capture' && refs.captureId) this.captures.add(refs.captureId);
    if (op === 'return' && refs.returnId) this.returns.add(refs.returnId);
    if (op === 'release' && refs.authorizationId && amountCents !== undefined) {
      this.released.set(refs.authorizationId, (this.released.get(refs.authorizationId) ?? 0) + amountCents);
    }
  }
}

export async function reconcileJournal(options: ReconcilerOptions): Promise<ReconcileReport> {
  const ctx = options.context;
  const journal = options.journal ?? ctx.journal;
  const now = options.now ?? Date.now;
  const policy: Partial<JournaledPolicy> = {
    ...ctx.journalPolicy,
    ...options.policy,
    now,
    ...(options.replayWindowMs === undefined ? {} : { replayWindowMs: options.replayWindowMs }),
  };
  const report: ReconcileReport = {
    examined: 0,
    replayedConfirmed: 0,
    replayedFailed: 0,
    reconciledApplied: 0,
    reconciledNotApplied: 0,
    stillInDoubt: 0,
    needsManualCheck: 0,
    entries: [],
  };
  const claimed = new ClaimedIds(journal, Math.min(now(), Date.now()));
  const send = journalSend(ctx);

  for (const entry of journal.unfinished()) {
    report.examined++;
    let action: ReconcileAction;
    let refs: JournalRefs | undefined;
    // Read before the replay: a settled entry's request is erased.
    const request = readStored(journal, entry.id);
    let replay: JournaledResult;
    try {
      replay = await replayEntry(journal, entry.id, send, policy);
    } catch {
      // Busy (a live call owns it) or already settled meanwhile: leave it to that call.
      action = 'still_in_doubt';
      report.stillInDoubt++;
      report.entries.push({ id: entry.id, op: entry.op, referenceId: entry.referenceId, action });
      continue;
    }
    if (replay.outcome === 'confirmed') {
      action = 'replayed_confirmed';
      refs = replay.entry.refs;
      claimed.claim(entry.op, refs, entry.summary.amountCents);
      report.replayedConfirmed++;
    } else if (replay.outcome === 'failed') {
      action = 'replayed_failed';
      report.replayedFailed++;
    } else if (needsLookup(replay.lastError)) {
      const looked = request ? await lookUp(ctx, journal, replay.entry, request, claimed, now) : 'unknown';
      if (looked === 'unknown') {
        action = lookupExists(entry.op) ? 'still_in_doubt' : 'needs_manual_check';
      } else {
        refs = looked.refs;
        journal.markReconciled(entry.id, {
          resolution: looked.applied ? 'applied' : 'not_applied',
          refs: looked.refs,
          note: looked.note,
        });
        if (looked.applied) claimed.claim(entry.op, looked.refs, entry.summary.amountCents);
        action = looked.applied ? 'reconciled_applied' : 'reconciled_not_applied';
      }
    } else {
      action = 'still_in_doubt';
    }
    if (action === 'reconciled_applied') report.reconciledApplied++;
    if (action === 'reconciled_not_applied') report.reconciledNotApplied++;
    if (action === 'still_in_doubt') report.stillInDoubt++;
    if (action === 'needs_manual_check') report.needsManualCheck++;
    const line: ReconcileEntryReport = { id: entry.id, op: entry.op, referenceId: entry.referenceId, action };
    if (refs) line.refs = refs;
    report.entries.push(line);
  }
  return report;
}

/** Replaying cannot tell any more: the window has passed or Flexiti says the key was used already. */
function needsLookup(lastError: JournaledLastError): boolean {
  return (
    lastError.kind === 'needs_lookup' ||
    lastError.kind === 'window_expired' ||
    (lastError.kind === 'status' && lastError.errorCode === IDEMPOTENCY_KEY_REUSED)
  );
}

function lookupExists(op: JournalEntry['op']): boolean {
  return op === 'authorization' || op === 'capture' || op === 'release' || op === 'return' || op === 'verify';
}

function readStored(journal: Journal, id: string): StoredRequest | undefined {
  try {
    const request = journal.readRequest(id);
    const body = JSON.parse(request.body) as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    return { path: request.path.split('?')[0] ?? request.path, body: body as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

type Lookup = 'unknown' | { applied: boolean; refs: JournalRefs; note: string };

async function lookUp(
  ctx: ClientContext,
  journal: Journal,
  entry: JournalEntry,
  request: StoredRequest,
  claimed: ClaimedIds,
  now: () => number,
): Promise<Lookup> {
  // Same flow reference as the original call, so Flexiti support can follow the whole story.
  const flow = { ...newFlowContext(), referenceId: entry.referenceId };
  const amount = parseWireAmount(request.body.amount);
  const reference = typeof request.body.reference === 'string' ? request.body.reference : undefined;
  try {
    switch (entry.op) {
      case 'verify':
        // A PIN lives 10 minutes: past the window, whether it was sent no longer matters.
        return { applied: false, refs: {}, note: 'verification expired; nothing to settle' };
      case 'capture': {
        const authorizationId = /\/authorization\/(\d+)\/capture$/.exec(request.path)?.[1];
        if (!authorizationId) return 'unknown';
        const auth = await fetchAuthorization(ctx, flow, authorizationId);
        if (!auth) return { applied: false, refs: { authorizationId }, note: 'authorization not found' };
        const match = auth.captures.find(
          (c) =>
            !claimed.captures.has(c.captureId) &&
            (amount === null || c.amountCents === amount) &&
            (reference === undefined || c.reference === undefined || c.reference === reference),
        );
        return match
          ? {
              applied: true,
              refs: { authorizationId, captureId: match.captureId },
              note: 'capture found by lookup',
            }
          : { applied: false, refs: { authorizationId }, note: 'no matching capture on the authorization' };
      }
      case 'return': {
        const m = /\/authorization\/(\d+)\/capture\/(\d+)\/return$/.exec(request.path);
        if (!m?.[1] || !m[2]) return 'unknown';
        const [, authorizationId, captureId] = m;
        const auth = await fetchAuthorization(ctx, flow, authorizationId);
        const cap = auth?.captures.find((c) => c.captureId === captureId);
        if (!cap) return { applied: false, refs: { authorizationId, captureId }, note: 'capture not found' };
        const full = request.body.full_return === true;
        const match = cap.returns.find(
          (r) => !claimed.returns.has(r.returnId) && (full || amount === null || r.amountCents === amount),
        );
        return match
          ? {
              applied: true,
              refs: { authorizationId, captureId, returnId: match.returnId },
              note: 'return found by lookup',
            }
          : {
              applied: false,
              refs: { authorizationId, captureId },
              note: 'no matching return on the capture',
            };
      }
      case 'release': {
        const authorizationId = /\/authorization\/(\d+)\/release$/.exec(request.path)?.[1];
        if (!authorizationId) return 'unknown';
        const auth = await fetchAuthorization(ctx, flow, authorizationId);
        if (!auth) return { applied: false, refs: { authorizationId }, note: 'authorization not found' };
        const unexplained = (auth.releasedCents ?? 0) - (claimed.released.get(authorizationId) ?? 0);
        const applied = amount === null ? unexplained > 0 : unexplained >= amount;
        return {
          applied,
          refs: { authorizationId },
          note: applied ? 'released amount found by lookup' : 'released amount not found',
        };
      }
      case 'authorization': {
        const account = request.body.account_number;
        if (reference === undefined || (typeof account !== 'number' && typeof account !== 'string'))
          return 'unknown';
        const created = Date.parse(entry.createdAt);
        const from = isoDay(created - DAY_MS);
        const to = isoDay(Math.max(now(), created) + DAY_MS);
        for (let page = 1; page <= 50; page++) {
          const result = await listAuthorizations(ctx, flow, {
            accountNumber: account,
            creationDateFrom: from,
            creationDateTo: to,
            pageNumber: page,
            pageSize: 100,
          });
          const match = result.items.find(
            (a) =>
              a.reference === reference &&
              !claimed.authorizations.has(a.authorizationId) &&
              (amount === null || a.authorizedCents === undefined || a.authorizedCents === amount),
          );
          if (match) {
            const refs: JournalRefs = { authorizationId: match.authorizationId };
            if (match.captureId) refs.captureId = match.captureId;
            return { applied: true, refs, note: 'authorization found by reference' };
          }
          if (result.items.length + result.skipped < 100) break;
        }
        return { applied: false, refs: {}, note: 'no authorization with this reference' };
      }
      default:
        return 'unknown';
    }
  } catch (error) {
    if (isFlexitiCallError(error)) return 'unknown';
    throw error;
  }
}

async function fetchAuthorization(
  ctx: ClientContext,
  flow: ReturnType<typeof newFlowContext>,
  authorizationId: string,
): Promise<AuthorizationRecord | undefined> {
  try {
    return await getAuthorization(ctx, flow, authorizationId);
  } catch (error) {
    if (isFlexitiCallError(error, 'not_found')) return undefined;
    throw error;
  }
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Shared by the money-safety test and its kill -9 worker: random purchase flows through the real
 * client and journal with faults injected into the sandbox, and the audit that compares what the
 * journal says was applied with the sandbox's ledger (none lost, none doubled).
 */
import type { FlexitiClient } from '../../../src/main/core/flexiti/flexiti-client';
import { isFlexitiCallError } from '../../../src/main/core/flexiti/flexiti-errors';
import type { Journal } from '../../../src/main/core/journal/journal';
import type { SandboxAccountReport, SandboxControl } from './core-harness';

export interface MoneyStats {
  ops: number;
  faultsInjected: number;
  inDoubt: number;
  refused: number;
  confirmed: number;
}

export function newStats(): MoneyStats {
  return { ops: 0, faultsInjected: 0, inDoubt: 0, refused: 0, confirmed: 0 };
}

/** Deterministic PRNG (mulberry32) so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MoneyRunOptions {
  client: FlexitiClient;
  control: SandboxControl;
  random: () => number;
  accountNumber: number;
  employeeId: string;
  stats: MoneyStats;
  /** Probability of injecting a fault before a call. */
  faultRate?: number;
  /** Called after each money operation (the worker prints progress for its killer). */
  onOp?: () => void;
}

const KINDS = ['drop_after_commit', 'drop_before_commit', 'status500', 'status503', 'latency'] as const;

async function maybeFault(o: MoneyRunOptions, glob: string): Promise<void> {
  if (o.random() >= (o.faultRate ?? 0.35)) return;
  const kind = KINDS[Math.floor(o.random() * KINDS.length)] ?? 'latency';
  // Sometimes as many times as the journal attempts, so the call really ends in doubt.
  const times = o.random() < 0.2 ? 4 : 1 + Math.floor(o.random() * 2);
  const fault =
    kind === 'status500' || kind === 'status503'
      ? { kind: 'status' as const, status: kind === 'status500' ? 500 : 503 }
      : kind === 'latency'
        ? { kind, latency_ms: 5 + Math.floor(o.random() * 40) }
        : { kind };
  await o.control.fault({ method: 'POST', path: glob, times, ...fault });
  o.stats.faultsInjected++;
}

type Step<T> = { ok: true; value: T } | { ok: false; stop: boolean };

/** One money call: counts it; an in-doubt outcome stops the flow (its state is unknown until reconciled). */
async function step<T>(
  o: MoneyRunOptions,
  glob: string,
  call: () => Promise<T>,
  counted = true,
): Promise<Step<T>> {
  await maybeFault(o, glob);
  if (counted) o.stats.ops++;
  try {
    const value = await call();
    if (counted) o.stats.confirmed++;
    return { ok: true, value };
  } catch (error) {
    if (!isFlexitiCallError(error)) throw error;
    if (error.appError.category === 'in_doubt') {
      o.stats.inDoubt++;
      return { ok: false, stop: true };
    }
    if (counted) o.stats.refused++;
    return { ok: false, stop: false };
  } finally {
    if (counted) o.onOp?.();
  }
}

/** One customer: verify, authorize, then a few captures, returns, releases and refunds. */
export async function moneyFlow(o: MoneyRunOptions): Promise<void> {
  const { client, random, accountNumber, employeeId } = o;
  const flow = await client.startFlow();
  const verified = await step(
    o,
    '**/verify',
    () => client.verifyAccount(flow, { format: 'merchant_override', accountNumber }),
    false,
  );
  if (!verified.ok || !verified.value.verificationCode) return;
  const amount = 2_000 + Math.floor(random() * 8_000);
  const auth = await step(o, '**/authorization', () =>
    client.authorize(flow, {
      accountNumber,
      amountCents: amount,
      financing: { type: 'promotional_purchase', planId: 4, term: 12 },
      autoCapture: false,
      verificationCode: verified.value.verificationCode ?? '',
      employeeId,
      reference: `mf-${flow.referenceId.slice(0, 16)}`,
    }),
  );
  if (!auth.ok) return;
  const authorizationId = auth.value.authorizationId;
  let remaining = amount;
  const captures: Array<{ id: string; remaining: number }> = [];
  const actions = 2 + Math.floor(random() * 4);
  for (let i = 0; i < actions; i++) {
    const roll = random();
    let result: Step<unknown>;
    if (roll < 0.4 && remaining > 0) {
      const part = Math.max(1, Math.floor(remaining * (0.3 + random() * 0.7)));
      const r = await step(o, '**/capture', () =>
        client.capture(flow, { authorizationId, amountCents: part, employeeId }),
      );
      if (r.ok) {
        remaining -= part;
        captures.push({ id: r.value.captureId, remaining: part });
      }
      result = r;
    } else if (roll < 0.65 && captures.some((c) => c.remaining > 0)) {
      const cap = captures.find((c) => c.remaining > 0) ?? { id: '', remaining: 0 };
      const part = Math.max(1, Math.floor(cap.remaining * random() * 0.6));
      result = await step(o, '**/return', () =>
        client.returnCapture(flow, { authorizationId, captureId: cap.id, amountCents: part, employeeId }),
      );
      if (result.ok) cap.remaining -= part;
    } else if (roll < 0.85 && remaining > 0) {
      const part = Math.max(1, Math.floor(remaining * (0.2 + random() * 0.8)));
      result = await step(o, '**/release', () =>
        client.release(flow, { authorizationId, amountCents: part, employeeId }),
      );
      if (result.ok) remaining -= part;
    } else {
      const part = 100 + Math.floor(random() * 400);
      result = await step(o, '**/refund', () =>
        client.refund(flow, { accountNumber, amountCents: part, employeeId }),
      );
    }
    if (!result.ok && result.stop) return;
  }
}

export interface LedgerAudit {
  applied: { authorizations: number; captures: number; returns: number; releases: number; refunds: number };
  lost: string[];
  duplicates: string[];
  mismatches: string[];
  unfinished: number;
}

/** Compares every operation the journal says was applied with the sandbox's ledger for the account. */
export function auditLedger(journals: Journal[], ledger: SandboxAccountReport): LedgerAudit {
  const audit: LedgerAudit = {
    applied: { authorizations: 0, captures: 0, returns: 0, releases: 0, refunds: 0 },
    lost: [],
    duplicates: [],
    mismatches: [],
    unfinished: 0,
  };
  const auths = new Map(ledger.authorizations.map((a) => [String(a.authorization_id), a]));
  const captures = new Map(ledger.captures.map((c) => [String(c.capture_id), c]));
  const returns = new Map(
    ledger.captures.flatMap((c) => c.returns.map((r) => [String(r.return_id), r] as const)),
  );
  const seen = { auths: new Set<string>(), captures: new Set<string>(), returns: new Set<string>() };
  const released = new Map<string, number>();
  let refundCount = 0;
  let refundCents = 0;
  for (const journal of journals) {
    audit.unfinished += journal.unfinished().length;
    for (const e of journal.list({ order: 'asc' })) {
      const applied = e.state === 'confirmed' || (e.state === 'reconciled' && e.resolution === 'applied');
      if (!applied) continue;
      const amount = e.summary.amountCents;
      switch (e.op) {
        case 'authorization': {
          const id = e.refs.authorizationId ?? '?';
          audit.applied.authorizations++;
          const row = auths.get(id);
          if (!row) audit.lost.push(`authorization ${id}`);
          else if (row.authorized_amount_cents !== amount)
            audit.mismatches.push(`authorization ${id} amount`);
          if (seen.auths.has(id)) audit.duplicates.push(`authorization ${id} claimed twice`);
          seen.auths.add(id);
          break;
        }
        case 'capture': {
          const id = e.refs.captureId ?? '?';
          audit.applied.captures++;
          const row = captures.get(id);
          if (!row) audit.lost.push(`capture ${id}`);
          else if (row.amount_cents !== amount) audit.mismatches.push(`capture ${id} amount`);
          if (seen.captures.has(id)) audit.duplicates.push(`capture ${id} claimed twice`);
          seen.captures.add(id);
          break;
        }
        case 'return': {
          const id = e.refs.returnId ?? '?';
          audit.applied.returns++;
          const row = returns.get(id);
          if (!row) audit.lost.push(`return ${id}`);
          else if (row.amount_cents !== amount) audit.mismatches.push(`return ${id} amount`);
          if (seen.returns.has(id)) audit.duplicates.push(`return ${id} claimed twice`);
          seen.returns.add(id);
          break;
        }
        case 'release': {
          audit.applied.releases++;
          const id = e.refs.authorizationId ?? '?';
          released.set(id, (released.get(id) ?? 0) + (amount ?? 0));
          break;
        }
        case 'refund':
          audit.applied.refunds++;
          refundCount++;
          refundCents += amount ?? 0;
          break;
        default:
          break;
      }
    }
  }
  for (const id of auths.keys())
    if (!seen.auths.has(id)) audit.duplicates.push(`authorization ${id} not in any journal`);
  for (const id of captures.keys())
    if (!seen.captures.has(id)) audit.duplicates.push(`capture ${id} not in any journal`);
  for (const id of returns.keys())
    if (!seen.returns.has(id)) audit.duplicates.push(`return ${id} not in any journal`);
  for (const a of ledger.authorizations) {
    const id = String(a.authorization_id);
    const expected = released.get(id) ?? 0;
    if (a.released_amount_cents > expected)
      audit.duplicates.push(`authorization ${id} released ${a.released_amount_cents} > ${expected}`);
    if (a.released_amount_cents < expected)
      audit.lost.push(`authorization ${id} released ${a.released_amount_cents} < ${expected}`);
  }
  const ledgerRefundCents = ledger.refunds.reduce((sum, r) => sum + r.amount_cents, 0);
  if (ledger.refunds.length > refundCount || ledgerRefundCents > refundCents)
    audit.duplicates.push('refunds beyond the journal');
  if (ledger.refunds.length < refundCount || ledgerRefundCents < refundCents)
    audit.lost.push('refunds missing from the ledger');
  return audit;
}

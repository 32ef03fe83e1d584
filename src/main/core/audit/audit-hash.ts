import { createHash } from 'node:crypto';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly the stored columns that a row's hash covers, in a fixed order. */
export interface HashedColumns {
  seq: number;
  at_ms: number;
  action: string;
  actor_id: string;
  actor_role: string;
  approver_id: string | null;
  outcome: string;
  account_last4: string | null;
  authorization_id: string | null;
  capture_id: string | null;
  return_id: string | null;
  application_id: string | null;
  amount_cents: number | null;
  reference: string | null;
  reference_id: string | null;
  detail: string;
}

/** A JSON array in column order: unambiguous, and independent of object key order. */
export function canonicalRow(row: HashedColumns): string {
  return JSON.stringify([
    row.seq,
    row.at_ms,
    row.action,
    row.actor_id,
    row.actor_role,
    row.approver_id,
    row.outcome,
    row.account_last4,
    row.authorization_id,
    row.capture_id,
    row.return_id,
    row.application_id,
    row.amount_cents,
    row.reference,
    row.reference_id,
    row.detail,
  ]);
}

/** hash = SHA-256(prev_hash || canonical row), hex. */
export function chainHash(prevHash: string, row: HashedColumns): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalRow(row), 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so equal details always hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

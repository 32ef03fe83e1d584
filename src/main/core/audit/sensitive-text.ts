import { maskAccount, maskDigitRuns, redactForLog } from '../../../shared/masking';

/**
 * Refusal checks for anything kept in clear in the audit trail or the sales ledger: a full account
 * or card number (8+ digits), something shaped like a driver's licence number, or a field that the
 * log redactor would hide (tokens, PINs, licence data, e-mail, phone). Refusing is safer than masking
 * here: the record is permanent, so the caller must pass masked values in the first place.
 */

// A licence number: one token mixing letters and at least 7 digits (ON A1234-56789-01234,
// QC L1234-123456-12, BC 1234567 is caught by the digit rule only when 8+).
const LICENCE_LIKE = /(?:^|[^A-Za-z0-9-])(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){7})[A-Za-z0-9-]{8,}/;
// Digits split by dashes (AB 123456-789): 8+ digits in all, unless it is a YYYY-MM-DD date.
const DASHED_DIGITS = /\d[\d-]*\d/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A UUID (journal entry ids) is random, not a number anyone owns.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Raw AAMVA barcode text (header or a DAQ licence-number element).
const AAMVA_LIKE = /ANSI \d{6}|\bDAQ[A-Z0-9]/;

/** Why a text is refused, or null when it may be kept in clear. */
export function sensitiveTextReason(text: string): string | null {
  if (UUID.test(text)) return null;
  if (maskDigitRuns(text) !== text) return 'looks like a full account or card number';
  for (const run of text.match(DASHED_DIGITS) ?? []) {
    if (!ISO_DATE.test(run) && run.replace(/-/g, '').length >= 8)
      return 'looks like a full account or card number';
  }
  if (LICENCE_LIKE.test(text)) return 'looks like a licence number';
  if (AAMVA_LIKE.test(text)) return 'looks like licence barcode data';
  return null;
}

/** Walks a JSON-like value: every string, number and key is checked; null when all of it is safe. */
export function sensitiveValueReason(value: unknown): string | null {
  if (JSON.stringify(redactForLog(value)) !== JSON.stringify(value))
    return 'holds a field that must be redacted';
  return walk(value, 0);
}

function walk(value: unknown, depth: number): string | null {
  if (depth > 20) return 'too deep';
  if (typeof value === 'string') return sensitiveTextReason(value);
  if (typeof value === 'number') return sensitiveTextReason(String(value));
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = walk(item, depth + 1);
      if (reason) return reason;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const reason = sensitiveTextReason(key) ?? walk(inner, depth + 1);
      if (reason) return reason;
    }
  }
  return null;
}

const CARD_RUN = /\d(?:[ -]?\d){12,18}/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * For order references: merchants' own numbers may be long, so only a run that is shaped like a
 * payment card (13-19 digits passing the Luhn check) is masked to its last 4; the rest stays
 * searchable. Masking rather than refusing: the reference arrives after Flexiti applied the money.
 */
export function maskCardLikeRuns(text: string): string {
  return text.replace(CARD_RUN, (run) => {
    const digits = run.replace(/[ -]/g, '');
    return luhnValid(digits) ? maskAccount(digits) : run;
  });
}

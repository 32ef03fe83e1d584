/**
 * Masking for anything shown on screen, written to a log or kept in clear on disk. Card, VCC and
 * account numbers show their last 4 digits at most; secrets show nothing at all.
 */

export const MASK_DOTS = '••••';
const REDACTED = '[redacted]';

function compact(value: string | number): string {
  return String(value).replace(/[\s-]/g, '');
}

/** The last 4 characters of a number or id, ignoring spaces and dashes (the whole value if shorter). */
export function last4(value: string | number): string {
  return compact(value).slice(-4);
}

/** '1234567890124755' -> '•••• 4755'. A value of 4 characters or fewer reveals nothing. */
export function maskAccount(value: string | number): string {
  const clean = compact(value);
  return clean.length > 4 ? `${MASK_DOTS} ${clean.slice(-4)}` : MASK_DOTS;
}

/** 'john@example.com' -> 'j***@example.com'; anything that is not an address -> '***'. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return '***';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return `${local.slice(0, 1)}***@${domain}`;
}

/** A phone number as Flexiti masks it: '******' + last 4 digits. */
export function maskPhone(value: string | number): string {
  const digits = String(value).replace(/\D/g, '');
  return digits.length > 4 ? `******${digits.slice(-4)}` : '******';
}

/**
 * Masks every run of 8 or more digits (single spaces allowed inside, or dashes between groups of 4)
 * to its last 4, so a card or account number inside a URL, a path or free text cannot leak. Shorter
 * numbers (amounts, codes) and dates stay readable.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{4}(?:[ -]\d{4}){2,}\d*|\d(?: ?\d){7,}/g, (run) => maskAccount(run));
}

type Rule = 'account' | 'secret' | 'email' | 'phone' | 'text-with-numbers' | 'string-secret';

const KEY_RULES: Record<string, Rule> = {
  account_number: 'account',
  vcc_number: 'account',
  card_number: 'account',
  card_no: 'account',
  pan: 'account',
  flexiti_card_number: 'account',
  customer_account_number: 'account',
  verification_code: 'secret',
  client_secret: 'secret',
  access_token: 'secret',
  refresh_token: 'secret',
  id_token: 'secret',
  token: 'secret',
  authorization: 'secret',
  cookie: 'secret',
  set_cookie: 'secret',
  password: 'secret',
  merchant_password: 'secret',
  pin: 'secret',
  security_answer: 'secret',
  sin: 'secret',
  govid_number: 'secret',
  licence_number: 'secret',
  license_number: 'secret',
  dob: 'secret',
  date_of_birth: 'secret',
  barcode: 'secret',
  raw_barcode: 'secret',
  // `code` is the licence barcode in a scan request but the HTTP status (a number) in an error body.
  code: 'string-secret',
  email: 'email',
  phone_number: 'phone',
  phone: 'phone',
  url: 'text-with-numbers',
  path: 'text-with-numbers',
  href: 'text-with-numbers',
  redirection_url: 'text-with-numbers',
};

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/-/g, '_');
}

function ruleFor(key: string): Rule | undefined {
  const normal = normalizeKey(key);
  const rule = KEY_RULES[normal];
  if (rule) return rule;
  if (normal.endsWith('_secret') || normal.endsWith('_token') || normal.endsWith('_password'))
    return 'secret';
  return undefined;
}

function applyRule(rule: Rule, value: unknown, recurse: (inner: unknown) => unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (rule) {
    case 'account':
      return typeof value === 'string' || typeof value === 'number' ? maskAccount(value) : REDACTED;
    case 'secret':
      return REDACTED;
    case 'string-secret':
      return typeof value === 'string' ? REDACTED : recurse(value);
    case 'email':
      return typeof value === 'string' ? maskEmail(value) : REDACTED;
    case 'phone':
      return typeof value === 'string' || typeof value === 'number' ? maskPhone(value) : REDACTED;
    case 'text-with-numbers':
      return typeof value === 'string' ? maskDigitRuns(value) : recurse(value);
  }
}

/**
 * A copy of `value` safe for a log line: card and account numbers masked to their last 4, secrets
 * (tokens, PINs, licence data, security answers, SIN, raw barcodes) replaced, e-mail and phone masked,
 * account numbers inside URLs and paths masked. Works recursively on plain objects and arrays.
 */
export function redactForLog(value: unknown): unknown {
  return redact(value, new WeakSet<object>(), 0);
}

const MAX_DEPTH = 20;

function redact(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, seen, depth + 1));
    if (value instanceof Date) return value;
    if (value instanceof Error) {
      return { name: value.name, message: maskDigitRuns(value.message) };
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      return `[binary ${value.byteLength} bytes]`;
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const rule = ruleFor(key);
      const recurse = (v: unknown): unknown => redact(v, seen, depth + 1);
      out[key] = rule ? applyRule(rule, inner, recurse) : recurse(inner);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * T7 and T9 queries (§0A.1, §0A.11): optional filters, 1-based pages of at most 100, newest first,
 * creation dates as inclusive UTC days, always scoped to the calling client_id.
 */
import { z } from 'zod';
import { digitsNumber, isoDate, parseOrThrow } from '../http/validation';
import type { Authorization, Capture, SandboxState } from '../state/model';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 10;

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, { params: { msg: 'invalid' } });

const commonQuery = {
  account_number: digitsNumber(14).optional(),
  creation_date_from: isoDate.optional(),
  creation_date_to: isoDate.optional(),
  page_number: positiveInt(Number.MAX_SAFE_INTEGER).optional(),
  page_size: positiveInt(MAX_PAGE_SIZE).optional(),
};

const authorizationsQuery = z.object({
  ...commonQuery,
  transaction_type: z.enum(['promotional_purchase', 'regular_purchase']).optional(),
  authorization_status: z.enum(['opened', 'closed', 'unauthorized']).optional(),
});

const capturesQuery = z.object({
  ...commonQuery,
  authorization_id: digitsNumber(16).optional(),
});

/** Last value of each query parameter, as a plain object for zod. */
function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) out[key] = value;
  return out;
}

export interface Page<T> {
  pageNumber: number;
  pageSize: number;
  totalRecords: number;
  items: T[];
}

function inDays(date: Date, from: string | undefined, to: string | undefined): boolean {
  const day = date.toISOString().slice(0, 10);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

function newestFirst<T extends { createdAt: Date }>(idOf: (item: T) => number) {
  return (a: T, b: T) => b.createdAt.getTime() - a.createdAt.getTime() || idOf(b) - idOf(a);
}

function paginate<T>(items: T[], pageNumber: number | undefined, pageSize: number | undefined): Page<T> {
  const number = pageNumber ?? 1;
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  const start = (number - 1) * size;
  return {
    pageNumber: number,
    pageSize: size,
    totalRecords: items.length,
    items: items.slice(start, start + size),
  };
}

export function listAuthorizations(
  state: SandboxState,
  clientId: string,
  query: URLSearchParams,
): Page<Authorization> {
  const q = parseOrThrow(authorizationsQuery, queryObject(query));
  const matches = [...state.authorizations.values()].filter(
    (a) =>
      a.clientId === clientId &&
      (q.account_number === undefined || a.accountNumber === q.account_number) &&
      (q.transaction_type === undefined || a.transactionType === q.transaction_type) &&
      (q.authorization_status === undefined || a.status === q.authorization_status) &&
      inDays(a.createdAt, q.creation_date_from, q.creation_date_to),
  );
  matches.sort(newestFirst((a) => a.authorizationId));
  return paginate(matches, q.page_number, q.page_size);
}

export function listCaptures(state: SandboxState, clientId: string, query: URLSearchParams): Page<Capture> {
  const q = parseOrThrow(capturesQuery, queryObject(query));
  const matches = [...state.captures.values()].filter(
    (c) =>
      c.clientId === clientId &&
      (q.account_number === undefined || c.accountNumber === q.account_number) &&
      (q.authorization_id === undefined || c.authorizationId === q.authorization_id) &&
      inDays(c.createdAt, q.creation_date_from, q.creation_date_to),
  );
  matches.sort(newestFirst((c) => c.captureId));
  return paginate(matches, q.page_number, q.page_size);
}

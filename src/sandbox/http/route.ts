import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxState, Merchant } from '../state/model';

export type Scope = 'merchant' | 'customer';
export type ApiVersion = 'v2.5' | 'v2.5.1';
export type Lang = 'en' | 'fr';

/** What a route handler sees once the server has run the common checks (§0A.1 order: 401 → 403 → 409). */
export interface RouteContext {
  method: 'GET' | 'POST';
  /** The full request path without the query, e.g. /flexiti/pos-api/v2.5.1/client-id/flexitidemo/authorization */
  path: string;
  version: ApiVersion;
  /** Named path parameters from the route pattern, raw strings (validate them). */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON object or form fields; undefined when there was no body. */
  body: unknown;
  lang: Lang;
  referenceId: string;
  headers: IncomingHttpHeaders;
  /** The caller: set on every route except oauth/token. */
  auth: { clientId: string; scope: Scope; accessToken: string } | null;
  /** The merchant of the path's client_id (already checked against the token). Null on oauth/token. */
  merchant: Merchant | null;
  state: SandboxState;
  /** The sandbox clock (moved by POST /sandbox/clock); never use Date.now() in routes. */
  now(): Date;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface RouteDef {
  /** Catalogue id from the reference §2, e.g. 'T4'. */
  id: string;
  method: 'GET' | 'POST';
  /** Pattern after /flexiti/pos-api/{version}, with :name segments, e.g. '/client-id/:client_id/authorization/:authorization_id/capture'. */
  pattern: string;
  /** Scopes allowed; [] means no token (oauth/token). */
  scopes: Scope[];
  /** Mutating POSTs honour x-idempotency-key / x-context-hash (§0A.5). */
  idempotent: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

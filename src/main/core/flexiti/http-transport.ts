/**
 * The HTTP transport to Flexiti: one fetch per call with a timeout per call class, every failure
 * folded into the journal's SendOutcome (a response, or timeout | dropped | refused). It never
 * throws for a network problem and never logs: headers carry the bearer token.
 */
import type { NetworkError, SendOutcome } from '../journal/journaled-call';
import { bodyContextHash } from '../journal/journaled-call';

export type CallClass = 'token' | 'read' | 'mutate';
export type Lang = 'en' | 'fr';

export interface TransportTimeouts {
  tokenMs: number;
  readMs: number;
  mutateMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { tokenMs: 10_000, readMs: 10_000, mutateMs: 20_000 };

export interface TransportRequest {
  callClass: CallClass;
  method: 'GET' | 'POST';
  /** Relative to the API root, starting with '/': '/v2.5/client-id/flexitidemo/customers/lookup?...'. */
  path: string;
  /** Sent as these exact characters (UTF-8). */
  body?: string;
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  referenceId: string;
  /** Added as the `lang` query parameter unless the path already has one. */
  lang?: Lang;
  accessToken?: string;
  /** Mutating calls: x-idempotency-key, plus x-context-hash of the body. */
  idempotencyKey?: string;
  /** Aborts the call (counted as a timeout): the journal's per-attempt signal. */
  signal?: AbortSignal;
}

export interface HttpTransportOptions {
  /** The API root (ends with /flexiti/pos-api/), or a getter so settings changes apply at once. */
  apiRoot: string | (() => string);
  timeouts?: Partial<TransportTimeouts>;
  fetch?: typeof fetch;
}

const REFUSED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Walks the cause chain for a system or undici error code. */
function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    // Happy-eyeballs connects report an AggregateError of per-address failures.
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkError(error: unknown): NetworkError {
  const code = errorCodeOf(error);
  if (code && REFUSED_CODES.has(code)) return 'refused';
  if (code && TIMEOUT_CODES.has(code)) return 'timeout';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  // ECONNRESET, EPIPE, UND_ERR_SOCKET ("other side closed"): the socket went away without an answer.
  return 'dropped';
}

function parseBody(text: string): unknown {
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class HttpTransport {
  private readonly timeouts: TransportTimeouts;
  private readonly fetchImpl: typeof fetch;
  private readonly apiRoot: () => string;

  constructor(options: HttpTransportOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.fetchImpl = options.fetch ?? fetch;
    const root = options.apiRoot;
    this.apiRoot = typeof root === 'string' ? () => root : root;
  }

  timeoutFor(callClass: CallClass): number {
    return callClass === 'token'
      ? this.timeouts.tokenMs
      : callClass === 'read'
        ? this.timeouts.readMs
        : this.timeouts.mutateMs;
  }

  /** The absolute URL for a relative path (lang added to the query when asked). */
  urlFor(path: string, lang?: Lang): string {
    const root = this.apiRoot();
    const url = new URL(path.replace(/^\/+/, ''), root.endsWith('/') ? root : `${root}/`);
    if (lang && !url.searchParams.has('lang')) url.searchParams.set('lang', lang);
    return url.toString();
  }

  async send(request: TransportRequest): Promise<SendOutcome> {
    let url: string;
    try {
      url = this.urlFor(request.path, request.lang);
    } catch {
      return { kind: 'network', error: 'refused' };
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-reference-id': request.referenceId,
    };
    if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
    if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
    if (request.idempotencyKey !== undefined) {
      headers['x-idempotency-key'] = request.idempotencyKey;
      headers['x-context-hash'] = bodyContextHash(request.body ?? '');
    }
    // One controller and one timer: cheaper per call than AbortSignal.timeout + AbortSignal.any.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutFor(request.callClass));
    const external = request.signal;
    const onAbort = () => controller.abort();
    if (external) {
      if (external.aborted) controller.abort();
      else external.addEventListener('abort', onAbort, { once: true });
    }
    try {
      const response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body,
        signal: controller.signal,
        redirect: 'error',
      });
      // A body cut off after the headers is as good as no answer: the outcome stays unknown.
      const text = await response.text();
      return { kind: 'response', status: response.status, body: parseBody(text) };
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'network', error: 'timeout' };
      return { kind: 'network', error: classifyNetworkError(error) };
    } finally {
      clearTimeout(timer);
      external?.removeEventListener('abort', onAbort);
    }
  }
}

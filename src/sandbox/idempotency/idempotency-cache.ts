/**
 * The §0A.5 idempotency cache: successes keyed by (client_id, method + path as sent, key), kept 24 hours
 * on the sandbox clock, replayed byte for byte. Requests with the same key queue behind the one in flight.
 */

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface CachedResponse {
  status: number;
  /** The response body exactly as first written. */
  bodyText: string;
  contextHash: string | undefined;
  /** The request body, parsed, with sorted keys. */
  canonicalBody: string;
  expiresAt: number;
}

export type ReplayDecision =
  { kind: 'miss' } | { kind: 'replay'; entry: CachedResponse } | { kind: 'conflict' };

/** JSON with object keys sorted at every level, so bodies compare by content, not key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
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

export function cacheKey(clientId: string, method: string, path: string, key: string): string {
  return JSON.stringify([clientId, `${method} ${path}`, key]);
}

export class IdempotencyCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly inFlight = new Map<string, Promise<void>>();

  /** Waits while another request with this key is being processed. */
  async waitForTurn(key: string): Promise<void> {
    for (let pending = this.inFlight.get(key); pending; pending = this.inFlight.get(key)) await pending;
  }

  /** Marks the key as in progress; call the returned function when the request is finished. */
  begin(key: string): () => void {
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.inFlight.set(key, done);
    return () => {
      if (this.inFlight.get(key) === done) this.inFlight.delete(key);
      release();
    };
  }

  decide(key: string, contextHash: string | undefined, canonicalBody: string, nowMs: number): ReplayDecision {
    const entry = this.entries.get(key);
    if (!entry) return { kind: 'miss' };
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(key);
      return { kind: 'miss' };
    }
    const conflict =
      entry.contextHash !== undefined && contextHash !== undefined
        ? entry.contextHash !== contextHash
        : entry.canonicalBody !== canonicalBody;
    return conflict ? { kind: 'conflict' } : { kind: 'replay', entry };
  }

  store(key: string, entry: CachedResponse): void {
    this.entries.set(key, entry);
  }

  size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

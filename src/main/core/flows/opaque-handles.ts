/**
 * Opaque handles the renderer holds instead of what they stand for (a flow's context, an account
 * number). Random, short-lived and bounded: a handle reveals nothing and cannot be guessed.
 */
import { randomBytes } from 'node:crypto';

export interface OpaqueHandlesOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export class OpaqueHandles<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: OpaqueHandlesOptions) {
    this.now = options.now ?? Date.now;
  }

  issue(value: T): string {
    this.prune();
    const handle = randomBytes(18).toString('base64url');
    this.entries.set(handle, { value, expiresAt: this.now() + this.options.ttlMs });
    return handle;
  }

  resolve(handle: string): T | undefined {
    const entry = this.entries.get(handle);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(handle);
      return undefined;
    }
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [handle, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(handle);
    }
    // Oldest first (Map keeps insertion order).
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

/**
 * The sandbox clock: real time plus an offset that only moves forward (POST /sandbox/clock).
 * Token expiry, PIN lifetimes, the 30-day authorization expiry and pending applications all read it.
 */
export interface SandboxClock {
  now(): Date;
  /** Moves the clock forward; returns the new sandbox time. */
  advance(seconds: number): Date;
  /** Back to real time (POST /sandbox/reset). */
  reset(): void;
  offsetMs(): number;
}

export function createClock(realNow: () => number = Date.now): SandboxClock {
  let offset = 0;
  return {
    now: () => new Date(realNow() + offset),
    advance(seconds: number): Date {
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new RangeError('the sandbox clock only moves forward');
      offset += Math.round(seconds * 1000);
      return new Date(realNow() + offset);
    },
    reset(): void {
      offset = 0;
    },
    offsetMs: () => offset,
  };
}

/**
 * Everything one running sandbox holds: its state (replaced on reset), clock, caches, faults and stats.
 */
import { createClock, type SandboxClock } from './clock';
import { FaultRegistry } from './faults/fault-registry';
import { RequestStats } from './http/request-stats';
import { IdempotencyCache } from './idempotency/idempotency-cache';
import type { SandboxSettings, SandboxState } from './state/model';
import { createSandboxState } from './state/sandbox-state';

export interface SandboxRuntime {
  state: SandboxState;
  readonly clock: SandboxClock;
  readonly faults: FaultRegistry;
  readonly idempotency: IdempotencyCache;
  readonly stats: RequestStats;
  /** Demo data back, clock offset 0, faults, caches and stats cleared. */
  reset(): void;
}

export function createRuntime(settings: Partial<SandboxSettings> = {}): SandboxRuntime {
  const clock = createClock();
  const runtime: SandboxRuntime = {
    state: createSandboxState(clock.now(), settings),
    clock,
    faults: new FaultRegistry(),
    idempotency: new IdempotencyCache(),
    stats: new RequestStats(),
    reset() {
      clock.reset();
      runtime.state = createSandboxState(clock.now(), settings);
      runtime.faults.clear();
      runtime.idempotency.clear();
      runtime.stats.clear();
    },
  };
  return runtime;
}

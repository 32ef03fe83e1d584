/**
 * Things that happen "on the sandbox clock" (the 30-day authorization expiry, pending applications
 * turning approved) run here before every API request, so no timer can fire out of order with the clock.
 * Route modules register their hook at import time.
 */
import type { SandboxState } from './state/model';

export type TimeHook = (state: SandboxState, now: Date) => void;

const hooks = new Set<TimeHook>();

export function registerTimeHook(hook: TimeHook): void {
  hooks.add(hook);
}

export function settleTime(state: SandboxState, now: Date): void {
  for (const hook of hooks) hook(state, now);
}

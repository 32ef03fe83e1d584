/**
 * Security-question answers on /verify (§0A.8): lenient comparison, and the lock after three wrong
 * answers within 48 hours, which lifts once the oldest of them is 48 hours old.
 */
import type { SandboxState } from '../state/model';

export const MAX_WRONG_ANSWERS = 3;
export const WRONG_ANSWER_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Trimmed, case-insensitive, inner spaces collapsed. */
export function normalizeAnswer(answer: string): string {
  return answer.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function matchesAnswer(expected: string, given: string): boolean {
  return normalizeAnswer(expected) === normalizeAnswer(given);
}

function recentFailures(state: SandboxState, accountNumber: number, now: Date): number {
  const since = now.getTime() - WRONG_ANSWER_WINDOW_MS;
  return state.securityAnswerFailures.filter(
    (f) => f.accountNumber === accountNumber && f.at.getTime() > since,
  ).length;
}

export function triesExceeded(state: SandboxState, accountNumber: number, now: Date): boolean {
  return recentFailures(state, accountNumber, now) >= MAX_WRONG_ANSWERS;
}

export function recordWrongAnswer(state: SandboxState, accountNumber: number, now: Date): void {
  state.securityAnswerFailures.push({ accountNumber, at: now });
}

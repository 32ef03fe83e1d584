/**
 * §0A.11: an opened authorization not finished within 30 days (sandbox clock) becomes `unauthorized`
 * and its remainder is released. Runs as a time hook before every request.
 */
import { remainingAuthorization } from '../state/ledger';
import type { SandboxState } from '../state/model';

export const AUTHORIZATION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export function expireAuthorizations(state: SandboxState, now: Date): void {
  const cutoff = now.getTime() - AUTHORIZATION_LIFETIME_MS;
  for (const auth of state.authorizations.values()) {
    if (auth.status !== 'opened' || auth.createdAt.getTime() > cutoff) continue;
    auth.released += remainingAuthorization(auth);
    auth.status = 'unauthorized';
  }
}

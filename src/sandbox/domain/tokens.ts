/**
 * Access and refresh tokens (§0A.4): 40 hex characters each, 20 minutes on the sandbox clock,
 * refresh tokens rotate on use. Only the sandbox state holds them.
 */
import { randomBytes } from 'node:crypto';
import type { Scope } from '../http/route';
import type { SandboxState, TokenRecord } from '../state/model';

export const TOKEN_LIFETIME_SECONDS = 1200;
/** Expired records are kept this long so a late caller still hears "expired" rather than "invalid". */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

let issuedSincePrune = 0;

function hex40(): string {
  return randomBytes(20).toString('hex');
}

export function issueToken(state: SandboxState, clientId: string, scope: Scope, now: Date): TokenRecord {
  if (++issuedSincePrune >= PRUNE_EVERY) {
    issuedSincePrune = 0;
    pruneTokens(state, now);
  }
  const record: TokenRecord = {
    accessToken: hex40(),
    refreshToken: hex40(),
    clientId,
    scope,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000),
    refreshUsed: false,
  };
  state.tokens.set(record.accessToken, record);
  state.refreshTokens.set(record.refreshToken, record.accessToken);
  return record;
}

export type TokenCheck = { kind: 'valid'; record: TokenRecord } | { kind: 'expired' } | { kind: 'invalid' };

export function checkAccessToken(state: SandboxState, token: string | undefined, now: Date): TokenCheck {
  if (!token) return { kind: 'invalid' };
  const record = state.tokens.get(token);
  if (!record) return { kind: 'invalid' };
  if (now.getTime() >= record.expiresAt.getTime()) return { kind: 'expired' };
  return { kind: 'valid', record };
}

/**
 * Redeems a refresh token: it must be known, unused, issued to this client, and its access token must
 * still be live. Returns the record it was issued with, now marked used, or null.
 */
export function redeemRefreshToken(
  state: SandboxState,
  refreshToken: string,
  clientId: string,
  now: Date,
): TokenRecord | null {
  const accessToken = state.refreshTokens.get(refreshToken);
  if (accessToken === undefined) return null;
  const record = state.tokens.get(accessToken);
  if (!record || record.refreshUsed || record.clientId !== clientId) return null;
  if (now.getTime() >= record.expiresAt.getTime()) return null;
  record.refreshUsed = true;
  state.refreshTokens.delete(refreshToken);
  return record;
}

function pruneTokens(state: SandboxState, now: Date): void {
  const cutoff = now.getTime() - KEEP_EXPIRED_MS;
  for (const [access, record] of state.tokens) {
    if (record.expiresAt.getTime() < cutoff) {
      state.tokens.delete(access);
      state.refreshTokens.delete(record.refreshToken);
    }
  }
}

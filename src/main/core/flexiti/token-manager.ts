/**
 * The merchant-scope bearer token (§0A.4, reference §3 and §8.5): fetched with client credentials,
 * refreshed proactively `expires_in − 60` s after issue and at the start of every customer flow,
 * re-authenticated when expired or refused, one token request in flight at a time. Tokens live in
 * memory only; neither they nor the credentials ever reach a log line or an error.
 */
import { randomUUID } from 'node:crypto';
import type { SendOutcome } from '../journal/journaled-call';
import { FlexitiCallError, mapFlexitiError, mapNetworkError, ownError } from './flexiti-errors';
import type { HttpTransport } from './http-transport';
import { tokenResponseSchema } from './schemas/token-schemas';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Where credentials come from: the vault in the app; the demo merchant's public values in tests. */
export type CredentialSource = () => Promise<ClientCredentials | null>;

/** Milliseconds; `monoNow` must never go backwards (performance.now in the app). */
export interface TokenClock {
  wallNow(): number;
  monoNow(): number;
}

export const systemClock: TokenClock = { wallNow: () => Date.now(), monoNow: () => performance.now() };

export interface TokenSession {
  accessToken: string;
  clientId: string;
}

export interface TokenManagerOptions {
  transport: HttpTransport;
  credentials: CredentialSource;
  clock?: TokenClock;
  /** Flexiti's FLX_EXPIRATION_TIME_THRESHOLD: refresh this long before expiry. */
  refreshThresholdSeconds?: number;
  /** ensureFresh() skips a token younger than this (a whole flow fits in its lifetime anyway). */
  flowRefreshMinAgeSeconds?: number;
}

interface HeldToken {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  clientId: string;
  /** Taken when the token request was sent, so the age is never under-estimated. */
  wallAt: number;
  monoAt: number;
}

export interface TokenStats {
  clientCredentialsGrants: number;
  refreshGrants: number;
  refreshFallbacks: number;
  retriedAfter401: number;
}

type Grant = { kind: 'client_credentials' } | { kind: 'refresh_token'; refreshToken: string };

export class TokenManager {
  private held: HeldToken | null = null;
  private inflight: Promise<HeldToken> | null = null;
  /** Bumped by clear(): a token request started before it must not be kept. */
  private generation = 0;
  private readonly clock: TokenClock;
  private readonly threshold: number;
  private readonly flowMinAge: number;
  readonly stats: TokenStats = {
    clientCredentialsGrants: 0,
    refreshGrants: 0,
    refreshFallbacks: 0,
    retriedAfter401: 0,
  };

  constructor(private readonly options: TokenManagerOptions) {
    this.clock = options.clock ?? systemClock;
    this.threshold = options.refreshThresholdSeconds ?? 60;
    this.flowMinAge = options.flowRefreshMinAgeSeconds ?? 60;
  }

  /** Seconds since the token was requested: the larger of the wall-clock and monotonic deltas. */
  private ageSeconds(token: HeldToken): number {
    const wall = this.clock.wallNow() - token.wallAt;
    const mono = this.clock.monoNow() - token.monoAt;
    return Math.max(wall, mono) / 1000;
  }

  /** A usable token: the held one while it is young enough, else a refreshed or new one. */
  async session(referenceId?: string): Promise<TokenSession> {
    const token = await this.validToken(referenceId);
    return { accessToken: token.accessToken, clientId: token.clientId };
  }

  /** The client id of the current credentials (fetches a token if none is held). */
  async clientId(referenceId?: string): Promise<string> {
    return (await this.validToken(referenceId)).clientId;
  }

  /** Start of a customer flow: refresh now so the whole flow fits in the token's lifetime. */
  async ensureFresh(referenceId?: string): Promise<void> {
    if (this.inflight) {
      await this.inflight;
      return;
    }
    const token = this.held;
    if (token && this.ageSeconds(token) < this.flowMinAge) return;
    await this.renew(referenceId);
  }

  /**
   * Runs one Flexiti call with a bearer token; on a 401 gets a new client_credentials token and runs
   * it once more. A second 401 is returned to the caller (our bug: credentials or clock).
   */
  async withToken(
    fn: (session: TokenSession) => Promise<SendOutcome>,
    referenceId?: string,
  ): Promise<SendOutcome> {
    const first = await this.validToken(referenceId);
    const outcome = await fn({ accessToken: first.accessToken, clientId: first.clientId });
    if (outcome.kind !== 'response' || outcome.status !== 401) return outcome;
    this.stats.retriedAfter401++;
    const second = await this.reauthenticate(first, referenceId);
    return fn({ accessToken: second.accessToken, clientId: second.clientId });
  }

  /** Forgets the token (sign-out, environment or credential change). */
  clear(): void {
    this.held = null;
    this.inflight = null;
    this.generation++;
  }

  private async validToken(referenceId?: string): Promise<HeldToken> {
    if (this.inflight) return this.inflight;
    const token = this.held;
    if (token && this.ageSeconds(token) < token.expiresIn - this.threshold) return token;
    return this.renew(referenceId);
  }

  /** Single flight: every caller waiting for a token shares one request. */
  private renew(referenceId?: string): Promise<HeldToken> {
    if (!this.inflight) {
      const request = this.obtain(referenceId, this.generation).finally(() => {
        if (this.inflight === request) this.inflight = null;
      });
      this.inflight = request;
    }
    return this.inflight;
  }

  private async reauthenticate(stale: HeldToken, referenceId?: string): Promise<HeldToken> {
    if (this.inflight) return this.inflight;
    // Another caller may already have replaced the refused token.
    if (this.held && this.held.accessToken !== stale.accessToken) return this.held;
    this.held = null;
    return this.renew(referenceId);
  }

  private async obtain(referenceId: string | undefined, generation: number): Promise<HeldToken> {
    const ref = referenceId ?? newReferenceId();
    const credentials = await this.readCredentials(ref);
    const current = this.held;
    if (
      current &&
      current.clientId === credentials.clientId &&
      this.ageSeconds(current) < current.expiresIn
    ) {
      // Still alive: refresh. A refused refresh (invalid_grant) falls back to client credentials;
      // a network failure keeps the still-valid token rather than failing the customer's call.
      const refreshed = await this.request(
        credentials,
        { kind: 'refresh_token', refreshToken: current.refreshToken },
        ref,
      );
      if (refreshed.ok) {
        this.stats.refreshGrants++;
        return this.keep(refreshed.token, generation);
      }
      if (refreshed.kind === 'network' || refreshed.kind === 'server') {
        if (this.ageSeconds(current) < current.expiresIn - 5) return current;
        throw new FlexitiCallError(refreshed.error);
      }
      this.stats.refreshFallbacks++;
    }
    const fresh = await this.request(credentials, { kind: 'client_credentials' }, ref);
    if (!fresh.ok) {
      this.held = null;
      throw new FlexitiCallError(fresh.error);
    }
    this.stats.clientCredentialsGrants++;
    return this.keep(fresh.token, generation);
  }

  private keep(token: HeldToken, generation: number): HeldToken {
    if (generation === this.generation) this.held = token;
    return token;
  }

  private async readCredentials(ref: string): Promise<ClientCredentials> {
    let credentials: ClientCredentials | null;
    try {
      credentials = await this.options.credentials();
    } catch (error) {
      // The vault's error text is never passed on; its code only picks the message.
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'invalid_credentials') throw new FlexitiCallError(ownError('credentials_rejected', ref));
      throw new FlexitiCallError(ownError('credentials_unavailable', ref));
    }
    if (!credentials || !credentials.clientId || !credentials.clientSecret) {
      throw new FlexitiCallError(ownError('credentials_missing', ref));
    }
    return credentials;
  }

  private async request(
    credentials: ClientCredentials,
    grant: Grant,
    ref: string,
  ): Promise<
    | { ok: true; token: HeldToken }
    | {
        ok: false;
        kind: 'network' | 'server' | 'refused_grant' | 'other';
        error: ReturnType<typeof ownError>;
      }
  > {
    const form = new URLSearchParams({
      grant_type: grant.kind,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: 'merchant',
    });
    if (grant.kind === 'refresh_token') form.set('refresh_token', grant.refreshToken);
    const wallAt = this.clock.wallNow();
    const monoAt = this.clock.monoNow();
    const outcome = await this.options.transport.send({
      callClass: 'token',
      method: 'POST',
      path: '/v2.5/oauth/token',
      body: form.toString(),
      contentType: 'application/x-www-form-urlencoded',
      referenceId: ref,
    });
    if (outcome.kind === 'network')
      return { ok: false, kind: 'network', error: mapNetworkError(outcome.error, ref) };
    const { status, body } = outcome;
    if (status >= 200 && status < 300) {
      const parsed = tokenResponseSchema.safeParse(body);
      if (!parsed.success) return { ok: false, kind: 'other', error: ownError('unexpected_response', ref) };
      return { ok: true, token: { ...parsed.data, clientId: credentials.clientId, wallAt, monoAt } };
    }
    if (status >= 500) return { ok: false, kind: 'server', error: mapFlexitiError(status, body, ref) };
    const code = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    if (code === 'invalid_client' || code === 'invalid_credentials') {
      return { ok: false, kind: 'other', error: ownError('credentials_rejected', ref) };
    }
    if (grant.kind === 'refresh_token' && (status === 401 || status === 400 || code === 'invalid_grant')) {
      return { ok: false, kind: 'refused_grant', error: ownError('token_rejected', ref) };
    }
    return { ok: false, kind: 'other', error: mapFlexitiError(status, body, ref) };
  }
}

/** A UUID v4 as 32 lower-case hex digits, the x-reference-id format of §0A.1. */
export function newReferenceId(): string {
  return randomUUID().replace(/-/g, '');
}

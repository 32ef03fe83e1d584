/**
 * A1 POST /oauth/token (§3, §0A.4): client_credentials and refresh_token grants, form-encoded only
 * (the pipeline enforces the encoding), rotating refresh tokens, 20-minute access tokens.
 */
import { timingSafeEqual } from 'node:crypto';
import { issueToken, redeemRefreshToken, TOKEN_LIFETIME_SECONDS } from '../domain/tokens';
import { ApiError, wrongInputs } from '../http/api-error';
import type { RouteContext, RouteDef, RouteResult, Scope } from '../http/route';
import type { Merchant, TokenRecord } from '../state/model';

function field(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenBody(record: TokenRecord): RouteResult {
  return {
    status: 200,
    body: {
      token_type: 'bearer',
      access_token: record.accessToken,
      expires_in: TOKEN_LIFETIME_SECONDS,
      refresh_token: record.refreshToken,
      scope: record.scope,
    },
  };
}

function authenticateClient(ctx: RouteContext): Merchant {
  const clientId = field(ctx.body, 'client_id');
  const secret = field(ctx.body, 'client_secret');
  if (!clientId || !secret) throw new ApiError(400, 'invalid_client');
  const merchant = ctx.state.merchants.get(clientId);
  if (!merchant || !sameSecret(secret, merchant.clientSecret)) throw new ApiError(400, 'invalid_client');
  return merchant;
}

function handle(ctx: RouteContext): RouteResult {
  const grant = field(ctx.body, 'grant_type') || 'client_credentials';
  if (grant !== 'client_credentials' && grant !== 'refresh_token') throw new ApiError(400, 'invalid_request');
  const merchant = authenticateClient(ctx);

  if (grant === 'client_credentials') {
    const rawScope = field(ctx.body, 'scope') || 'merchant';
    if (rawScope !== 'merchant' && rawScope !== 'customer') {
      throw wrongInputs([{ param: 'scope', msg: 'invalid', value: rawScope }]);
    }
    if (!merchant.provisioned) throw new ApiError(409, 'invalid_role');
    return tokenBody(issueToken(ctx.state, merchant.clientId, rawScope as Scope, ctx.now()));
  }

  const refreshToken = field(ctx.body, 'refresh_token');
  if (!refreshToken) throw wrongInputs([{ param: 'refresh_token', msg: 'required' }]);
  if (!merchant.provisioned) throw new ApiError(409, 'invalid_role');
  const now = ctx.now();
  const previous = redeemRefreshToken(ctx.state, refreshToken, merchant.clientId, now);
  if (!previous) throw new ApiError(401, 'invalid_grant');
  // The original scope is kept; a scope parameter on refresh is ignored (§0A.4).
  return tokenBody(issueToken(ctx.state, merchant.clientId, previous.scope, now));
}

export const oauthTokenRoutes: RouteDef[] = [
  { id: 'A1', method: 'POST', pattern: '/oauth/token', scopes: [], idempotent: false, handle },
];

/** Finding a caller's own authorizations: another client's id is simply not found (§0A.11). */
import { ApiError } from '../http/api-error';
import type { RouteContext } from '../http/route';
import type { Authorization, Merchant, SandboxState } from '../state/model';

export function requireMerchant(ctx: RouteContext): Merchant {
  if (!ctx.merchant) throw new ApiError(404, 'not_found');
  return ctx.merchant;
}

export function findAuthorizationOfClient(
  state: SandboxState,
  clientId: string,
  authorizationId: number,
): Authorization {
  const auth = state.authorizations.get(authorizationId);
  if (!auth || auth.clientId !== clientId) throw new ApiError(404, 'not_found');
  return auth;
}

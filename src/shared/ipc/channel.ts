/**
 * One IPC channel as the contract declares it: the request and response schemas, and who may call it.
 * Types for main, preload and renderer are all derived from these declarations.
 */
import type { z } from 'zod';

export const ROLES = ['anonymous', 'cashier', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles stored for a person; `anonymous` is only the absence of a session. */
export const STAFF_ROLES = ['cashier', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Actions a cashier may do once with a manager's approval token, without signing out. */
export const APPROVAL_ACTIONS = [
  'return',
  'refund',
  'release',
  'merchant_override',
  'cancel_quebec',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  roles: readonly Role[];
  /** Talks to Flexiti: refused while the terminal reconciles at start-up. */
  needsReady?: boolean;
  /** A status read the screen polls: it does not count as activity for the idle lock. */
  passive?: boolean;
  /** A cashier may call it with a manager's one-time approval token (the request's `approval`). */
  approval?: ApprovalAction;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  spec: ChannelSpec<Req, Res>,
): ChannelSpec<Req, Res> {
  return spec;
}

export const ANYONE: readonly Role[] = ['anonymous', 'cashier', 'manager'];
export const STAFF: readonly Role[] = ['cashier', 'manager'];
export const MANAGER: readonly Role[] = ['manager'];

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

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  roles: readonly Role[];
  /** Talks to Flexiti: refused while the terminal reconciles at start-up. */
  needsReady?: boolean;
  /** A status read the screen polls: it does not count as activity for the idle lock. */
  passive?: boolean;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  spec: ChannelSpec<Req, Res>,
): ChannelSpec<Req, Res> {
  return spec;
}

export const ANYONE: readonly Role[] = ['anonymous', 'cashier', 'manager'];
export const STAFF: readonly Role[] = ['cashier', 'manager'];
export const MANAGER: readonly Role[] = ['manager'];

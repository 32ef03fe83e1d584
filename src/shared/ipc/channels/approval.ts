/**
 * A manager's approval of one action on a cashier's session, without signing the cashier out: the
 * manager types their id and PIN, the cashier gets an opaque token good once, for that action, for
 * about two minutes, and passes it as `approval` with the one call it unlocks.
 */
import { z } from 'zod';
import { APPROVAL_ACTIONS, STAFF, channel } from '../channel';
import { employeeIdSchema, pinSchema } from './common';

export const approvalActionSchema = z.enum(APPROVAL_ACTIONS);
/** Opaque to everyone but main. */
export const approvalTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const approvalChannels = {
  'approval.request': channel({
    request: z.strictObject({
      action: approvalActionSchema,
      managerId: employeeIdSchema,
      managerPin: pinSchema,
    }),
    response: z.strictObject({
      approval: approvalTokenSchema,
      action: approvalActionSchema,
      approverId: employeeIdSchema,
      /** ISO 8601 UTC. */
      expiresAt: z.string().max(40),
    }),
    roles: STAFF,
  }),
};

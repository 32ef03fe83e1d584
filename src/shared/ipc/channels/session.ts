/** First run, sign-in and the signed-in session. */
import { z } from 'zod';
import { ANYONE, STAFF_ROLES, channel } from '../channel';
import { emptyRequest, employeeIdSchema, pinSchema, staffNameSchema } from './common';

export const sessionInfoSchema = z.strictObject({
  employeeId: employeeIdSchema,
  name: staffNameSchema,
  role: z.enum(STAFF_ROLES),
  /** The terminal locks after this many idle minutes. */
  idleLockMinutes: z.number().int().min(1).max(120),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const signInRequest = z.strictObject({ employeeId: employeeIdSchema, pin: pinSchema });

export const sessionChannels = {
  'setup.status': channel({
    request: emptyRequest,
    response: z.strictObject({ needsFirstManager: z.boolean() }),
    roles: ANYONE,
    passive: true,
  }),
  /** Allowed only while no staff exist; the new manager is signed in. */
  'setup.createFirstManager': channel({
    request: z.strictObject({ employeeId: employeeIdSchema, name: staffNameSchema, pin: pinSchema }),
    response: sessionInfoSchema,
    roles: ['anonymous'],
  }),
  'session.signIn': channel({ request: signInRequest, response: sessionInfoSchema, roles: ANYONE }),
  'session.signOut': channel({
    request: emptyRequest,
    response: z.strictObject({ signedOut: z.literal(true) }),
    roles: ANYONE,
  }),
  'session.current': channel({
    request: emptyRequest,
    response: z.strictObject({ session: sessionInfoSchema.nullable() }),
    roles: ANYONE,
    passive: true,
  }),
};

/**
 * Staff administration (manager only): list, add, disable or enable, reset a PIN, change a role.
 * The last enabled manager can be neither disabled nor demoted. PINs go in, never out.
 */
import { z } from 'zod';
import { MANAGER, STAFF_ROLES, channel } from '../channel';
import { employeeIdSchema, pinSchema, staffNameSchema } from './common';

export const staffViewSchema = z.strictObject({
  employeeId: employeeIdSchema,
  name: z.string().max(80),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  createdAt: z.string().max(40),
});
export type StaffView = z.infer<typeof staffViewSchema>;

const oneStaff = z.strictObject({ staff: staffViewSchema });

export const staffChannels = {
  'staff.list': channel({
    request: z.strictObject({}),
    response: z.strictObject({ staff: z.array(staffViewSchema).max(1000) }),
    roles: MANAGER,
  }),
  'staff.add': channel({
    request: z.strictObject({
      employeeId: employeeIdSchema,
      name: staffNameSchema,
      role: z.enum(STAFF_ROLES),
      pin: pinSchema,
    }),
    response: oneStaff,
    roles: MANAGER,
  }),
  'staff.disable': channel({
    request: z.strictObject({ employeeId: employeeIdSchema, disabled: z.boolean().default(true) }),
    response: oneStaff,
    roles: MANAGER,
  }),
  'staff.resetPin': channel({
    request: z.strictObject({ employeeId: employeeIdSchema, pin: pinSchema }),
    response: oneStaff,
    roles: MANAGER,
  }),
  'staff.changeRole': channel({
    request: z.strictObject({ employeeId: employeeIdSchema, role: z.enum(STAFF_ROLES) }),
    response: oneStaff,
    roles: MANAGER,
  }),
};

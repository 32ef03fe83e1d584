/**
 * Staff administration for managers: list, add, disable or enable, reset a PIN, change a role. The
 * directory keeps the last enabled manager; every change, and every refusal, is in the audit trail
 * under the staff member's id. PINs are hashed by the directory and never answered or recorded.
 */
import type { StaffView } from '../../../shared/ipc/channels/staff';
import type { AuditRecorder } from '../records/audit-recorder';
import { StaffError, type StaffDirectory, type StaffMember } from '../staff/staff-directory';
import { fail } from './app-failure';
import type { HandlerContext, Handlers } from './handler-types';

export type StaffChannel =
  'staff.list' | 'staff.add' | 'staff.disable' | 'staff.resetPin' | 'staff.changeRole';

export interface StaffHandlerDeps {
  staff: StaffDirectory;
  audit: AuditRecorder;
}

export function staffView(member: StaffMember): StaffView {
  return {
    employeeId: member.employeeId,
    name: member.name,
    role: member.role,
    disabled: member.disabled,
    createdAt: member.createdAt,
  };
}

const STAFF_ERRORS: Record<StaffError['code'], { category: 'needs_action' | 'not_allowed'; code: string }> = {
  staff_exists: { category: 'needs_action', code: 'staff_exists' },
  staff_not_found: { category: 'needs_action', code: 'staff_not_found' },
  last_manager: { category: 'not_allowed', code: 'last_manager' },
  setup_already_done: { category: 'not_allowed', code: 'setup_already_done' },
};

export function createStaffHandlers(deps: StaffHandlerDeps): Handlers<StaffChannel> {
  const { staff, audit } = deps;

  /** Runs one change and records it (or its refusal) against the person changed. */
  async function change(
    context: HandlerContext,
    key: string,
    subjectId: string,
    run: () => StaffMember | Promise<StaffMember>,
  ): Promise<{ staff: StaffView }> {
    const actor = context.staff;
    if (!actor) fail('not_allowed', 'sign_in_required');
    const row = { action: 'settings_change' as const, actorId: actor.employeeId, actorRole: actor.role };
    try {
      const member = await run();
      audit.record({ ...row, outcome: 'ok', detail: { keys: [key], subjectId } });
      return { staff: staffView(member) };
    } catch (error) {
      if (!(error instanceof StaffError)) throw error;
      const mapped = STAFF_ERRORS[error.code];
      audit.record({ ...row, outcome: 'denied', detail: { keys: [key], subjectId, errorCode: mapped.code } });
      return fail(mapped.category, mapped.code);
    }
  }

  return {
    'staff.list': () => ({ staff: staff.list().map(staffView) }),
    'staff.add': (request, context) =>
      change(context, 'staff.add', request.employeeId, () =>
        staff.add({
          employeeId: request.employeeId,
          name: request.name,
          role: request.role,
          pin: request.pin,
        }),
      ),
    'staff.disable': (request, context) =>
      change(context, request.disabled ? 'staff.disable' : 'staff.enable', request.employeeId, () =>
        staff.setDisabled(request.employeeId, request.disabled),
      ),
    'staff.resetPin': (request, context) =>
      change(context, 'staff.resetPin', request.employeeId, () =>
        staff.setPin(request.employeeId, request.pin),
      ),
    'staff.changeRole': (request, context) =>
      change(context, `staff.role.${request.role}`, request.employeeId, () =>
        staff.setRole(request.employeeId, request.role),
      ),
  };
}

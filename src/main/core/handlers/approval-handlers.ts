/**
 * A manager approves one action on a cashier's session by typing their id and PIN at the cashier's
 * terminal; the cashier stays signed in. Wrong PINs count toward the manager's lockout in the staff
 * directory. Granted and refused approvals are both in the audit trail.
 */
import type { ApprovalAction } from '../../../shared/ipc/channel';
import type { ApprovalTokens } from '../approval/approval-tokens';
import type { AuditAction } from '../audit/audit-types';
import type { AuditRecorder } from '../records/audit-recorder';
import type { Session } from '../session/session';
import type { StaffDirectory } from '../staff/staff-directory';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

export interface ApprovalHandlerDeps {
  staff: StaffDirectory;
  session: Session;
  tokens: ApprovalTokens;
  audit: AuditRecorder;
}

/** The audit action each approval unlocks. */
const AUDITED_AS: Record<ApprovalAction, AuditAction> = {
  return: 'return',
  refund: 'refund',
  release: 'release',
  merchant_override: 'verify_method',
  cancel_quebec: 'account_close',
};

export function createApprovalHandlers(deps: ApprovalHandlerDeps): Handlers<'approval.request'> {
  const { staff, session, tokens, audit } = deps;
  return {
    'approval.request': async (request, context) => {
      const cashier = context.staff;
      const sessionId = session.id();
      if (!cashier || sessionId === null) fail('not_allowed', 'sign_in_required');
      const row = {
        action: 'manager_approval' as const,
        actorId: cashier.employeeId,
        actorRole: cashier.role,
        detail: { approvedAction: AUDITED_AS[request.action] },
      };
      const refuse = (category: 'needs_action' | 'not_allowed', code: string): never => {
        audit.record({ ...row, outcome: 'denied', detail: { ...row.detail, reason: code } });
        return fail(category, code);
      };
      if (request.managerId === cashier.employeeId) refuse('not_allowed', 'approver_is_caller');
      const check = await staff.checkPin(request.managerId, request.managerPin);
      if (!check.ok) {
        // A disabled or unknown manager reads like a wrong PIN: the screen reveals nothing about ids.
        if (check.reason === 'locked_out') refuse('not_allowed', 'pin_locked_out');
        refuse('needs_action', 'wrong_pin');
      }
      const approver = check.ok ? check.staff : fail('our_bug', 'unreachable');
      if (approver.role !== 'manager') refuse('not_allowed', 'approver_not_manager');
      const issued = tokens.issue({
        action: request.action,
        sessionId,
        cashierId: cashier.employeeId,
        approverId: approver.employeeId,
      });
      audit.record({ ...row, approverId: approver.employeeId, outcome: 'ok' });
      return {
        approval: issued.token,
        action: request.action,
        approverId: approver.employeeId,
        expiresAt: new Date(issued.expiresAt).toISOString(),
      };
    },
  };
}

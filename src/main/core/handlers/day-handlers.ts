/**
 * Closing the business day: the end-of-day report frozen with the audit chain head it produced.
 * Refused while journal entries are unsettled unless the manager gives a reason.
 */
import type { AuditLog } from '../audit/audit-log';
import { sensitiveTextReason } from '../audit/sensitive-text';
import { closeDay } from '../sales/day-close';
import type { UnsettledSource } from '../sales/end-of-day-report';
import { isSalesError } from '../sales/sales-errors';
import type { SalesLedger } from '../sales/sales-ledger';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

export interface DayHandlerDeps {
  sales: () => SalesLedger;
  audit: () => AuditLog;
  journal: () => UnsettledSource;
  now?: () => number;
}

export function createDayHandlers(deps: DayHandlerDeps): Handlers<'day.close'> {
  return {
    'day.close': (request, context) => {
      if (!context.staff) fail('not_allowed', 'sign_in_required');
      if (request.reason !== undefined && sensitiveTextReason(request.reason) !== null) {
        fail('needs_action', 'invalid_request', { fields: [{ param: 'reason', msg: 'sensitive' }] });
      }
      try {
        const { report } = closeDay(
          {
            ledger: deps.sales(),
            journal: deps.journal(),
            audit: deps.audit(),
            ...(deps.now ? { now: deps.now } : {}),
          },
          {
            date: request.date,
            managerId: context.staff.employeeId,
            ...(request.reason !== undefined ? { reason: request.reason } : {}),
            ...(request.registerId !== undefined ? { registerId: request.registerId } : {}),
          },
        );
        return { report };
      } catch (error) {
        if (isSalesError(error, 'in_doubt_pending')) fail('needs_action', 'in_doubt_pending');
        if (isSalesError(error, 'already_closed')) fail('needs_action', 'already_closed');
        if (isSalesError(error, 'invalid_input')) fail('needs_action', 'invalid_request');
        throw error;
      }
    },
  };
}

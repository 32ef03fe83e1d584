/**
 * Appends to the audit trail without ever failing the caller: a money operation that Flexiti has
 * applied must not be lost because its audit row could not be written. Each failure is logged at
 * error level (the action and the error's code only, never the row) and counted.
 */
import type { AppError } from '../../../shared/app-error';
import type { AuditLog } from '../audit/audit-log';
import type { AuditEventInput, AuditOutcome, AuditRole } from '../audit/audit-types';
import type { Logger } from '../logging/logger';

export interface AuditRecorder {
  record(event: AuditEventInput): void;
  /** Rows that could not be written since start-up. */
  failures(): number;
}

export interface AuditActor {
  actorId: string;
  actorRole: AuditRole;
}

export function createAuditRecorder(log: AuditLog, logger: Logger): AuditRecorder {
  let failures = 0;
  return {
    record(event) {
      try {
        log.append(event);
      } catch (error) {
        failures++;
        const code =
          error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
        logger.error('audit row not written', { action: event.action, code, failures });
      }
    },
    failures: () => failures,
  };
}

/** How a refused or failed call reads in the trail. */
export function outcomeOf(error: AppError | null): AuditOutcome {
  switch (error?.category) {
    case 'declined':
      return 'declined';
    case 'in_doubt':
      return 'in_doubt';
    case 'not_allowed':
      return 'denied';
    default:
      return 'failed';
  }
}

/** Flexiti's or our error code when it is a plain snake_case code; anything else is left out. */
export function errorCodeOf(error: AppError | null): { errorCode?: string } {
  const code = error?.code;
  return code !== undefined && /^[a-z0-9_]{1,60}$/.test(code) ? { errorCode: code } : {};
}

/** Only the last 4 digits of a number, when it has at least 4. */
export function last4Of(number: string | undefined): { accountLast4?: string } {
  const digits = (number ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? { accountLast4: digits.slice(-4) } : {};
}

/** A Flexiti UTC date-time (`2024-01-02T09:30:00Z`) as epoch ms; anything else is not trusted. */
export function flexitiTime(date: string | undefined): { at?: number } {
  if (date === undefined || !/(Z|[+-]\d{2}:\d{2})$/.test(date)) return {};
  const ms = Date.parse(date);
  return Number.isSafeInteger(ms) ? { at: ms } : {};
}

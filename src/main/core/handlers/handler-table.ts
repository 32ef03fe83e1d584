/**
 * The one entry point both transports call: `handle(channel, payload, sender)`. It validates the
 * payload against the contract, checks the caller's role, runs the handler, validates the answer
 * before it leaves, and turns every exception into an AppError. Nothing else crosses the boundary:
 * no stack, no exception text.
 */
import { randomBytes } from 'node:crypto';
import type { AppError } from '../../../shared/app-error';
import type { ApprovalAction, Role } from '../../../shared/ipc/channel';
import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Logger } from '../logging/logger';
import type { Session } from '../session/session';
import { carriedAppError } from './app-failure';
import type { Handler, HandlerContext, Handlers, Sender } from './handler-types';

export interface HandlerTableOptions {
  handlers: Handlers;
  session: Session;
  logger: Logger;
  /** False while start-up reconciliation runs: channels that talk to Flexiti wait. */
  isReady: () => boolean;
  /** A reason channels that talk to Flexiti are refused outright (a pending restart), or null. */
  flexitiRefusal?: () => AppError | null;
  /** One-time manager approvals a cashier passes as the request's `approval`. */
  approvals?: {
    consume(
      token: string,
      use: { action: ApprovalAction; sessionId: string; cashierId: string },
    ): string | null;
  };
}

export interface HandlerTable {
  handle(channel: string, rawPayload: unknown, sender: Sender): Promise<IpcResult<unknown>>;
}

/** A short id that ties what staff read out to the log line, without revealing anything. */
function supportReference(): string {
  return `ERR-${randomBytes(5).toString('hex').toUpperCase()}`;
}

function failure(error: AppError): IpcResult<never> {
  return { ok: false, error };
}

function fieldsOf(issues: readonly { path: readonly PropertyKey[]; code: string }[]): AppError['fields'] {
  return issues.slice(0, 20).map((issue) => ({
    param: issue.path.map(String).join('.').slice(0, 100) || 'request',
    msg: issue.code.slice(0, 40),
  }));
}

/** The request's `approval` token, on channels that take one. */
function approvalTokenOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || !('approval' in data)) return undefined;
  return typeof data.approval === 'string' ? data.approval : undefined;
}

export function createHandlerTable(options: HandlerTableOptions): HandlerTable {
  const { handlers, session, logger, isReady, approvals, flexitiRefusal } = options;

  async function handle(channel: string, rawPayload: unknown, sender: Sender): Promise<IpcResult<unknown>> {
    try {
      if (!sender.trusted) return failure({ category: 'not_allowed', code: 'untrusted_sender' });
      if (!isChannel(channel)) return failure({ category: 'our_bug', code: 'unknown_channel' });
      return await run(channel, rawPayload, sender);
    } catch (error) {
      const carried = carriedAppError(error);
      if (carried) return failure(carried);
      const reference = supportReference();
      logger.error('handler failed', { channel: String(channel).slice(0, 60), reference, error });
      return failure({ category: 'our_bug', code: 'unexpected', supportReference: reference });
    }
  }

  async function run<C extends Channel>(
    channel: C,
    rawPayload: unknown,
    sender: Sender,
  ): Promise<IpcResult<unknown>> {
    const spec = contract[channel];
    const parsed = spec.request.safeParse(rawPayload ?? {});
    if (!parsed.success) {
      return failure({
        category: 'needs_action',
        code: 'invalid_request',
        fields: fieldsOf(parsed.error.issues),
      });
    }

    const staff = session.active();
    const role: Role = staff?.role ?? 'anonymous';
    const approvalAction: ApprovalAction | undefined = 'approval' in spec ? spec.approval : undefined;
    const token = approvalTokenOf(parsed.data);
    const approvable = approvalAction !== undefined && staff?.role === 'cashier' && token !== undefined;
    if (!spec.roles.includes(role) && !approvable) {
      return failure({
        category: 'not_allowed',
        code: staff === null ? 'sign_in_required' : 'role_not_allowed',
      });
    }
    if ('needsReady' in spec && spec.needsReady) {
      const refused = flexitiRefusal?.() ?? null;
      if (refused !== null) return failure(refused);
      if (!isReady()) return failure({ category: 'retryable', code: 'terminal_reconciling' });
    }
    let approverId: string | undefined;
    if (approvable) {
      const sessionId = session.id();
      const approver =
        sessionId === null || approvals === undefined
          ? null
          : approvals.consume(token, { action: approvalAction, sessionId, cashierId: staff.employeeId });
      if (approver === null) return failure({ category: 'not_allowed', code: 'approval_invalid' });
      approverId = approver;
    }
    if (staff !== null && !('passive' in spec && spec.passive)) session.touch();

    const context: HandlerContext = { sender, staff, ...(approverId !== undefined ? { approverId } : {}) };
    const handler = handlers[channel] as Handler<C>;
    const value: unknown = await handler(parsed.data as Parameters<Handler<C>>[0], context);

    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      const reference = supportReference();
      // The issues name paths and codes; the value itself may hold what must not leak.
      logger.error('handler answer failed the contract', {
        channel,
        reference,
        issues: checked.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code })),
      });
      return failure({ category: 'our_bug', code: 'response_invalid', supportReference: reference });
    }
    return { ok: true, value: checked.data };
  }

  return { handle };
}

/**
 * Runs something after a handler has answered (or failed), such as writing the audit trail or the
 * sales ledger. The handler's answer always wins: an observer that throws is logged and ignored, so
 * a completed money operation is never reported as failed because its record could not be written.
 */
import type { AppError } from '../../../shared/app-error';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Logger } from '../logging/logger';
import { carriedAppError } from './app-failure';
import type { Handler, HandlerContext } from './handler-types';

export type Outcome<C extends Channel> =
  { ok: true; value: ResponseOf<C> } | { ok: false; error: AppError | null };

export type Observer<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: HandlerContext,
  outcome: Outcome<C>,
  /** Epoch ms when the handler started. */
  startedAt: number,
) => void | Promise<void>;

export function observed<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  observer: Observer<C>,
  logger: Logger,
): Handler<C> {
  const safely = async (run: () => void | Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      const code =
        error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : 'unknown';
      logger.error('recording after a handler failed', { channel, code });
    }
  };
  return async (request, context) => {
    const startedAt = Date.now();
    let value: ResponseOf<C>;
    try {
      value = await handler(request, context);
    } catch (error) {
      await safely(() => observer(request, context, { ok: false, error: carriedAppError(error) }, startedAt));
      throw error;
    }
    await safely(() => observer(request, context, { ok: true, value }, startedAt));
    return value;
  };
}

/**
 * Whether a return would be accepted, checked before calling Flexiti with the rules the reference
 * gives: promotional purchases only, within 100 days of the capture, and no more than what remains on
 * the capture. Flexiti still has the last word; this lets the screen say why before anyone tries.
 */
import type { RETURN_REFUSALS } from '../../../shared/ipc/channels/returns';
import type { Sale } from './sale-search';

export type ReturnRefusal = (typeof RETURN_REFUSALS)[number];

export interface ReturnCheck {
  allowed: boolean;
  reasons: ReturnRefusal[];
  /** What the return would credit: the amount asked, or all that remains for a full return. */
  amountCents: number;
  remainingCents: number;
  returnableCents: number;
  returnDeadline: string | null;
  daysLeftToReturn: number;
}

export function checkReturn(
  sale: Sale,
  request: { captureId: string; amountCents?: number | undefined; full: boolean },
): ReturnCheck {
  const capture = sale.captures.find((c) => c.captureId === request.captureId);
  if (!capture) {
    return {
      allowed: false,
      reasons: ['capture_not_found'],
      amountCents: request.amountCents ?? 0,
      remainingCents: 0,
      returnableCents: 0,
      returnDeadline: null,
      daysLeftToReturn: 0,
    };
  }
  const reasons: ReturnRefusal[] = [];
  if (!sale.promotional) reasons.push('not_promotional');
  else if (!capture.returnWindowOpen) reasons.push('return_window_closed');
  const amountCents = request.full ? capture.remainingCents : (request.amountCents ?? 0);
  if (capture.remainingCents === 0) reasons.push('nothing_remaining');
  else if (amountCents > capture.remainingCents) reasons.push('amount_exceeds_remaining');
  return {
    allowed: reasons.length === 0,
    reasons,
    amountCents,
    remainingCents: capture.remainingCents,
    returnableCents: capture.returnableCents,
    returnDeadline: capture.returnDeadline,
    daysLeftToReturn: capture.daysLeftToReturn,
  };
}

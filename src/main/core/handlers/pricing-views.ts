/** Flexiti's pricing pieces (rates, fees, terms) as the contract's views, in integer cents. */
import type { FeeView, TermView } from '../../../shared/ipc/channels/pricing';
import type { Fee, Rate } from '../flexiti/schemas/wire';

const clip = (text: string | undefined, max: number): string | undefined =>
  text === undefined ? undefined : text.slice(0, max);

export function feeView(fee: Fee): FeeView {
  const view: FeeView = {};
  const description = clip(fee.description, 200);
  if (description) view.description = description;
  if (fee.amountCents !== undefined && fee.amountCents >= 0) view.amountCents = fee.amountCents;
  const type = clip(fee.type, 60);
  if (type) view.type = type;
  const message = clip(fee.message, 2000);
  if (message) view.message = message;
  return view;
}

export function rateView(rate: Rate | undefined): TermView['annualRate'] {
  if (!rate || !Number.isFinite(rate.rate) || rate.rate < 0 || rate.rate > 10) return undefined;
  const view: NonNullable<TermView['annualRate']> = { rate: rate.rate };
  const type = clip(rate.type, 20);
  if (type) view.type = type;
  const description = clip(rate.description, 200);
  if (description) view.description = description;
  const message = clip(rate.message, 2000);
  if (message) view.message = message;
  return view;
}

export function feesTotal(fees: readonly Fee[]): number {
  return fees.reduce(
    (sum, fee) => sum + (fee.amountCents !== undefined && fee.amountCents > 0 ? fee.amountCents : 0),
    0,
  );
}

/**
 * One term as the customer sees it. With a rate above 0 the customer pays term × payment; at 0 %
 * the payments add up to the amount (a deferred plan has one payment of the whole amount, §0A.9).
 */
export function termView(
  amountCents: number,
  term: { term: number; termAmountCents?: number | undefined; rate?: Rate | undefined; fees: Fee[] },
): TermView | null {
  if (!Number.isInteger(term.term) || term.term <= 0 || term.term > 999) return null;
  const payment = term.termAmountCents;
  if (payment === undefined || payment < 0) return null;
  const rate = term.rate?.rate ?? 0;
  const deferred = rate === 0 && term.term > 1 && payment === amountCents;
  const payments = rate > 0 ? payment * term.term : amountCents;
  const view: TermView = {
    term: term.term,
    paymentKind: deferred ? 'deferred' : 'equal',
    monthlyPaymentCents: payment,
    totalCostCents: payments + feesTotal(term.fees),
    fees: term.fees.slice(0, 20).map(feeView),
  };
  const annualRate = rateView(term.rate);
  if (annualRate) view.annualRate = annualRate;
  return view;
}

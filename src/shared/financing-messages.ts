/** Flexiti's own texts on a financing (each fee's, then the rate's), in the order a receipt prints them. */
import type { FinancingView } from './ipc/channels/purchase';

export function financingMessages(financing: Pick<FinancingView, 'fees' | 'annualRate'>): string[] {
  const messages = financing.fees.flatMap((fee) => (fee.message ? [fee.message] : []));
  if (financing.annualRate?.message) messages.push(financing.annualRate.message);
  return messages;
}

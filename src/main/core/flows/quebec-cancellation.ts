/**
 * Quebec's consumer-protection cancellation: a customer may cancel a credit contract within 2 days
 * of receiving it. The contract date is the account's creation date; the window runs to the end of
 * the second day after it, in the store's time zone.
 */
export const QUEBEC_CANCELLATION_DAYS = 2;

export interface QuebecWindow {
  contractDate: string;
  lastDay: string;
  insideWindow: boolean;
}

function addDays(isoDate: string, days: number): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `today` is the store's business date (YYYY-MM-DD). */
export function quebecWindow(contractDate: string, today: string): QuebecWindow {
  const lastDay = addDays(contractDate, QUEBEC_CANCELLATION_DAYS);
  return { contractDate, lastDay, insideWindow: today >= contractDate && today <= lastDay };
}

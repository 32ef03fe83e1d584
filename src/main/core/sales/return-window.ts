/**
 * Flexiti accepts a return on a promotional purchase up to 100 × 24 hours after the capture's time
 * (later it answers return_date_exceeded); after that, or for a regular purchase, only a refund.
 * Authorizations left open for 30 days lapse (Flexiti releases the remainder).
 */

export const DAY_MS = 86_400_000;
export const RETURN_WINDOW_DAYS = 100;
export const RETURN_WINDOW_MS = RETURN_WINDOW_DAYS * DAY_MS;
export const AUTHORIZATION_LIFETIME_MS = 30 * DAY_MS;

export interface ReturnWindow {
  /** ISO 8601 UTC: the last instant a return is accepted. */
  deadline: string;
  open: boolean;
  /** Whole days left, rounded up (1 on the last day, 0 once closed or on its final instant). */
  daysLeft: number;
}

export function returnWindow(capturedAtMs: number, asOfMs: number): ReturnWindow {
  const deadlineMs = capturedAtMs + RETURN_WINDOW_MS;
  const open = asOfMs <= deadlineMs;
  return {
    deadline: new Date(deadlineMs).toISOString(),
    open,
    daysLeft: open ? Math.ceil((deadlineMs - asOfMs) / DAY_MS) : 0,
  };
}

/** An opened authorization whose 30 days have passed at `asOfMs`. */
export function authorizationLapsed(authorizedAtMs: number, asOfMs: number): boolean {
  return asOfMs - authorizedAtMs > AUTHORIZATION_LIFETIME_MS;
}

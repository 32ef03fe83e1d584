/**
 * Calendar days as staff type them (YYYY-MM-DD, in this terminal's time zone) and the moments the
 * report channels take (ISO 8601 with an offset).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] | null {
  const match = DAY.exec(day.trim());
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(year, month - 1, date);
  // Rejects 2026-02-31 and the like, which Date would roll over silently.
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== date) return null;
  return [year, month, date];
}

export function isLocalDay(day: string): boolean {
  return parts(day) !== null;
}

/** Today in the terminal's time zone, as YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first moment of the day. */
export function startOfLocalDay(day: string): string | null {
  const p = parts(day);
  return p ? new Date(p[0], p[1] - 1, p[2]).toISOString() : null;
}

/** The last millisecond of the day, so a range "to" includes the whole day. */
export function endOfLocalDay(day: string): string | null {
  const p = parts(day);
  return p ? new Date(new Date(p[0], p[1] - 1, p[2] + 1).getTime() - 1).toISOString() : null;
}

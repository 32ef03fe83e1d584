/**
 * A business day is a local calendar date in the store's IANA time zone; reports need its bounds as
 * UTC instants, DST days (23 or 25 hours) included. Intl does the zone arithmetic, no extra library.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The machine's zone (what the store's terminal is set to). */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(utcMs: number, timeZone: string): [number, number, number, number, number, number] {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return [
    parts.year ?? 0,
    parts.month ?? 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  ];
}

/** Local wall time minus UTC at that instant, in ms. */
function offsetMs(utcMs: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = localParts(utcMs, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(utcMs / 1000) * 1000;
}

/** The local date ('YYYY-MM-DD') of an instant in a zone. */
export function businessDateOf(utcMs: number, timeZone: string): string {
  const [y, mo, d] = localParts(utcMs, timeZone);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a local date. */
function startOfLocalDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetMs(wall, timeZone);
  t = wall - offsetMs(t, timeZone);
  // Where midnight itself is skipped by a DST jump, the day starts at the first instant after the gap.
  for (let i = 0; i < 12 && businessDateOf(t, timeZone) < date; i++) t += 15 * 60_000;
  // Where the zone's offset makes an earlier instant still the same date, step back to it.
  for (let i = 0; i < 12 && businessDateOf(t - 15 * 60_000, timeZone) === date; i++) t -= 15 * 60_000;
  return t;
}

/** [from, to) in epoch ms covering the local date `date` (YYYY-MM-DD) in `timeZone`. */
export function businessDayBounds(date: string, timeZone: string): { fromMs: number; toMs: number } {
  return { fromMs: startOfLocalDate(date, timeZone), toMs: startOfLocalDate(nextDate(date), timeZone) };
}

import { describe, expect, it } from 'vitest';
import { endOfLocalDay, isLocalDay, startOfLocalDay, todayLocal } from '../../../src/renderer/local-day';

describe('local days', () => {
  it('accepts real calendar days only', () => {
    expect(isLocalDay('2026-02-28')).toBe(true);
    expect(isLocalDay('2028-02-29')).toBe(true);
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2026-13-01')).toBe(false);
    expect(isLocalDay('26-01-01')).toBe(false);
    expect(startOfLocalDay('2026-02-31')).toBeNull();
  });

  it('spans the whole local day, the end one millisecond before the next day starts', () => {
    const start = startOfLocalDay('2026-03-31');
    const end = endOfLocalDay('2026-03-31');
    if (start === null || end === null) throw new Error('valid day refused');
    const next = startOfLocalDay('2026-04-01');
    if (next === null) throw new Error('valid day refused');
    expect(Date.parse(next) - Date.parse(end)).toBe(1);
    expect(new Date(start).getDate()).toBe(31);
    expect(new Date(start).getHours()).toBe(0);
    expect(new Date(end).getDate()).toBe(31);
  });

  it('writes today as the terminal sees it', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

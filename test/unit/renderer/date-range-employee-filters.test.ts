/** The filter block the audit trail and the sale search share: what staff type, checked, to a filter. */
import { describe, expect, it } from 'vitest';
import { readDateRangeEmployee } from '../../../src/renderer/components/DateRangeEmployeeFilters';
import { endOfLocalDay, startOfLocalDay } from '../../../src/renderer/local-day';

const blank = { from: '', to: '', employee: '', last4: '' };

describe('readDateRangeEmployee', () => {
  it('leaves out what was left empty', () => {
    expect(readDateRangeEmployee(blank)).toEqual({ ok: true, filter: {} });
  });

  it('turns days into the whole local days and trims the ids', () => {
    expect(
      readDateRangeEmployee({ from: ' 2026-03-01', to: '2026-03-31 ', employee: ' E100 ', last4: ' 4755' }),
    ).toEqual({
      ok: true,
      filter: {
        from: startOfLocalDay('2026-03-01'),
        to: endOfLocalDay('2026-03-31'),
        employeeId: 'E100',
        accountLast4: '4755',
      },
    });
  });

  it('names the first problem: a date not written YYYY-MM-DD or that does not exist, then the last 4', () => {
    expect(readDateRangeEmployee({ ...blank, from: '03/01/2026' })).toEqual({ ok: false, problem: 'date' });
    expect(readDateRangeEmployee({ ...blank, to: '2026-02-31', last4: '12' })).toEqual({
      ok: false,
      problem: 'date',
    });
    expect(readDateRangeEmployee({ ...blank, last4: '47a5' })).toEqual({ ok: false, problem: 'last4' });
    expect(readDateRangeEmployee({ ...blank, last4: '12345' })).toEqual({ ok: false, problem: 'last4' });
  });
});

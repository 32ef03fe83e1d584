/** The pure pieces behind the journey channels: pricing math, receipt languages, terms HTML, prefill. */
import { describe, expect, it } from 'vitest';
import { authorizationView } from '../../../src/main/core/handlers/authorization-view';
import { fromFlexiti, fromLocal } from '../../../src/main/core/handlers/licence-prefill';
import { termView } from '../../../src/main/core/handlers/pricing-views';
import { receiptLanguages } from '../../../src/main/core/handlers/receipt-languages';
import { sanitizeTermsHtml } from '../../../src/main/core/reference-data/terms-html';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { SAMPLES } from '../../fixtures/licences/samples';

const fee = {
  description: 'Administrative fees:',
  amountCents: 4_999,
  type: 'admin_total',
  message: 'Payable in full.',
};

describe('termView', () => {
  it('counts interest for a rate above 0: term × payment, plus fees', () => {
    const view = termView(6_000, { term: 3, termAmountCents: 2_033, rate: rate(0.0999), fees: [] });
    expect(view).toMatchObject({ paymentKind: 'equal', monthlyPaymentCents: 2_033, totalCostCents: 6_099 });
  });

  it('charges the amount plus fees at 0 %, and spots a deferred plan', () => {
    expect(termView(100_000, { term: 12, termAmountCents: 8_334, rate: rate(0), fees: [fee] })).toMatchObject(
      {
        paymentKind: 'equal',
        totalCostCents: 104_999,
        fees: [{ amountCents: 4_999, message: 'Payable in full.' }],
      },
    );
    expect(
      termView(100_000, { term: 12, termAmountCents: 100_000, rate: rate(0), fees: [fee] }),
    ).toMatchObject({
      paymentKind: 'deferred',
      totalCostCents: 104_999,
    });
  });

  it('drops a term it cannot price', () => {
    expect(termView(100, { term: 0, termAmountCents: 10, fees: [] })).toBeNull();
    expect(termView(100, { term: 3, fees: [] })).toBeNull();
  });
});

function rate(value: number) {
  return { rate: value, type: 'apr', description: undefined, message: undefined };
}

describe('receiptLanguages', () => {
  const ontario = { storeProvince: 'ON', customerLanguage: 'en' as const };
  it('follows the setting, French first in Quebec', () => {
    expect(receiptLanguages('en', ontario)).toEqual(['en']);
    expect(receiptLanguages('fr', ontario)).toEqual(['fr']);
    expect(receiptLanguages('bilingual', ontario)).toEqual(['en', 'fr']);
    expect(receiptLanguages('bilingual', { ...ontario, storeProvince: 'QC' })).toEqual(['fr', 'en']);
    expect(receiptLanguages('en', { ...ontario, storeProvince: 'QC' })).toEqual(['fr', 'en']);
  });

  it('auto: the customer language, French for a Quebec customer', () => {
    expect(receiptLanguages('auto', ontario)).toEqual(['en']);
    expect(receiptLanguages('auto', { ...ontario, customerProvince: 'QC' })).toEqual(['fr']);
    expect(receiptLanguages('auto', { ...ontario, customerLanguage: 'fr' })).toEqual(['fr']);
    expect(receiptLanguages('auto', { ...ontario, storeProvince: 'QC' })).toEqual(['fr', 'en']);
  });
});

describe('sanitizeTermsHtml', () => {
  it('keeps the allowed tags and https links only', () => {
    const html =
      '<h2 class="x">Title</h2><p onclick="evil()">Text <strong>bold</strong> <a href="https://flexiti.com/t" target="_blank">link</a> <a href="javascript:alert(1)">bad</a></p><script>alert(1)</script><img src=x onerror=alert(1)><div><ul><li>One</li></ul></div>';
    expect(sanitizeTermsHtml(html)).toBe(
      '<h2>Title</h2><p>Text <strong>bold</strong> <a href="https://flexiti.com/t" rel="noopener noreferrer">link</a> <a>bad</a></p><ul><li>One</li></ul>',
    );
  });

  it('leaves no tag that could open later', () => {
    expect(sanitizeTermsHtml('<p>1 < 2 <scr<script>ipt>x</p>')).not.toMatch(/<(?!\/?(p)\b)/);
  });
});

describe('licence prefill', () => {
  it('masks the licence number and keeps it apart', () => {
    const decoded = fromFlexiti({
      firstName: 'JANE',
      middleName: undefined,
      lastName: 'DOE',
      dob: '1980-01-02',
      address1: '1 MAIN ST',
      city: 'TORONTO',
      province: 'ON',
      postalCode: 'M5H 2N2',
      govidType: 'CADL',
      govidIssuedBy: 'ON',
      govidNumber: 'D6101-40706-60905',
      govidExpiry: 'not a date',
    });
    expect(decoded.licenceNumber).toBe('D6101-40706-60905');
    expect(decoded.prefill.govidNumberMasked).toBe('•••• 0905');
    expect(decoded.prefill.govidExpiry).toBeUndefined();
    expect(JSON.stringify(decoded.prefill)).not.toContain('40706');
  });

  it('reads a parsed AAMVA licence into the same fields', () => {
    const sample = SAMPLES.ON_V03_ZERO_OFFSET;
    if (!sample) throw new Error('sample missing');
    const parsed = parseAamva(sample.raw);
    if (!parsed.ok) throw new Error('sample did not parse');
    const decoded = fromLocal(parsed.licence);
    expect(decoded.prefill).toMatchObject({ lastName: 'BROWN', govidType: 'CADL', govidIssuedBy: 'ON' });
    expect(decoded.licenceNumber).toBe(sample.expected.licenceNumber);
  });
});

describe('authorizationView', () => {
  it('derives captured and released from authorized = captured + released + remaining', () => {
    const view = authorizationView(
      {
        authorizationId: '1234567890123456',
        reference: 'R1',
        accountNumber: '987654321',
        date: undefined,
        amountCents: 100_012,
        remainingAuthorizationCents: 0,
        status: 'closed',
        financingOption: undefined,
        captureId: '346123',
        message: undefined,
        authorizedCents: 100_012,
        capturedCents: undefined,
        releasedCents: undefined,
        captures: [],
        externalLocationId: undefined,
        externalEmployeeId: undefined,
      },
      { cardEndingIn: '5941' },
    );
    expect(view).toMatchObject({ capturedCents: 100_012, releasedCents: 0, cardMasked: '•••• 5941' });
    expect(JSON.stringify(view)).not.toContain('987654321');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  last4,
  maskAccount,
  maskDigitRuns,
  maskEmail,
  maskPhone,
  redactForLog,
} from '../../../src/shared/masking';

describe('last4 and maskAccount', () => {
  it('keeps only the last four digits', () => {
    expect(last4('1234567890124755')).toBe('4755');
    expect(last4(20076677)).toBe('6677');
    expect(last4('1234 5678 9012 4755')).toBe('4755');
    expect(maskAccount('1234567890124755')).toBe('•••• 4755');
    expect(maskAccount(20076677)).toBe('•••• 6677');
  });

  it('reveals nothing of a value of four characters or fewer', () => {
    expect(maskAccount('4755')).toBe('••••');
    expect(maskAccount('')).toBe('••••');
  });

  it('never contains more than four digits of the original', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,19}$/), (digits) => {
        const masked = maskAccount(digits);
        expect(masked.replace(/\D/g, '')).toBe(digits.slice(-4));
      }),
    );
  });
});

describe('maskEmail and maskPhone', () => {
  it('masks like Flexiti does', () => {
    expect(maskEmail('john@example.com')).toBe('j***@example.com');
    expect(maskEmail('not an address')).toBe('***');
    expect(maskPhone('4165550123')).toBe('******0123');
    expect(maskPhone(4165550123)).toBe('******0123');
  });
});

describe('maskDigitRuns', () => {
  it('masks account numbers inside paths but keeps short numbers and dates', () => {
    const path = '/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/1234567890123456/capture';
    expect(maskDigitRuns(path)).toBe(
      '/flexiti/pos-api/v2.5/client-id/flexitidemo/authorization/•••• 3456/capture',
    );
    expect(maskDigitRuns('card 1234 5678 9012 3456 ok')).toBe('card •••• 3456 ok');
    expect(maskDigitRuns('card 1234-5678-9012-3456')).toBe('card •••• 3456');
    expect(maskDigitRuns('amount 1000.12 on 2026-12-01, status 409')).toBe(
      'amount 1000.12 on 2026-12-01, status 409',
    );
  });
});

describe('redactForLog', () => {
  const request = {
    headers: { Authorization: 'Bearer 0123456789abcdef0123456789abcdef01234567', 'x-reference-id': 'abc' },
    body: {
      account_number: 20076677123456,
      vcc_number: '2374980012873425',
      verification_code: 1234,
      client_secret: '77xde15a-9d33-4c15-930a-3se4b3as33e9',
      access_token: 'tok-a',
      refresh_token: 'tok-r',
      security_answer: 'Fluffy',
      sin: '046454286',
      govid_number: 'D1234-56789-01234',
      code: '@\n\x1e\rANSI 636012080002DL00410278',
      email: 'john@example.com',
      amount: 1000.12,
      items: [{ card_number: '4111111111111111', sku: 'A1' }],
    },
    error: {
      code: 409,
      error: 'credit_exceeded',
      url: '/client-id/flexitidemo/authorization/1234567890123456/capture',
    },
  };

  it('masks numbers, drops secrets, keeps the rest', () => {
    const out = redactForLog(request);
    const text = JSON.stringify(out);
    for (const secret of [
      '0123456789abcdef',
      '20076677123456',
      '2374980012873425',
      '1234567890123456',
      '4111111111111111',
      '77xde15a',
      'tok-a',
      'tok-r',
      'Fluffy',
      '046454286',
      'D1234',
      'ANSI 636012',
      'john@',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(out).toMatchObject({
      headers: { Authorization: '[redacted]', 'x-reference-id': 'abc' },
      body: {
        account_number: '•••• 3456',
        vcc_number: '•••• 3425',
        verification_code: '[redacted]',
        code: '[redacted]',
        email: 'j***@example.com',
        amount: 1000.12,
        items: [{ card_number: '•••• 1111', sku: 'A1' }],
      },
      // A numeric `code` is an HTTP status, not a barcode.
      error: {
        code: 409,
        error: 'credit_exceeded',
        url: '/client-id/flexitidemo/authorization/•••• 3456/capture',
      },
    });
  });

  it('does not modify its input', () => {
    const copy = structuredClone(request);
    redactForLog(request);
    expect(request).toEqual(copy);
  });

  it('survives cycles and keeps shared references', () => {
    const shared = { sin: '046454286' };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(redactForLog(cyclic)).toEqual({
      a: { sin: '[redacted]' },
      b: { sin: '[redacted]' },
      self: '[circular]',
    });
  });

  it('treats header spellings alike', () => {
    expect(redactForLog({ 'Refresh-Token': 'x', CLIENT_SECRET: 'y', merchant_password: 'z' })).toEqual({
      'Refresh-Token': '[redacted]',
      CLIENT_SECRET: '[redacted]',
      merchant_password: '[redacted]',
    });
  });
});

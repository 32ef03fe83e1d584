/**
 * The middle-name trigger table (§0A.10, §10) and the generated card numbers.
 */
import { describe, expect, it } from 'vitest';
import { generateCardNumber, outcomeOf, triggerOf } from '../../../src/sandbox/domain/application-decisions';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state';

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return sum % 10 === 0;
}

describe('triggerOf / outcomeOf', () => {
  it('reads the middle name trimmed and case-insensitively', () => {
    expect(triggerOf('  p-fraud ')).toBe('P-FRAUD');
    expect(triggerOf('Marie')).toBeNull();
    expect(triggerOf(undefined)).toBeNull();
    expect(triggerOf('constructor')).toBeNull();
  });

  it('maps every documented key', () => {
    expect(outcomeOf(null)).toEqual({ kind: 'approved', risk: 'M', limit: 750_000 });
    expect(outcomeOf('A-RR_X')).toEqual({ kind: 'approved', risk: 'X', limit: 300_000 });
    expect(outcomeOf('A-RR_XXX')).toEqual({ kind: 'standard', risk: 'Z', limit: 100_000 });
    expect(outcomeOf('P-FRAUD')).toEqual({ kind: 'pending', reason: 'fraud', resolves: false });
    expect(outcomeOf('P-EXIST_CUST')).toEqual({ kind: 'pending', reason: 'exist_cust', resolves: true });
    expect(outcomeOf('D-NO_SCORE')).toEqual({ kind: 'declined', reason: 'no_score' });
    expect(outcomeOf('D-EMAIL_DBL_TIMEOUT')).toEqual({ kind: 'create_error' });
  });
});

describe('generateCardNumber', () => {
  it('makes 16-digit Luhn-valid numbers that no account uses', () => {
    const state = createSandboxState(new Date());
    const used = new Set([...state.accounts.values()].flatMap((a) => a.cards.map((c) => c.vccNumber)));
    for (let i = 0; i < 200; i += 1) {
      const card = generateCardNumber(state);
      expect(card).toMatch(/^\d{16}$/);
      expect(luhnValid(card)).toBe(true);
      expect(used.has(card)).toBe(false);
    }
  });
});

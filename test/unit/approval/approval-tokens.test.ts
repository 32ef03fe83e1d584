/** One-time approvals: good once, for one action, on one sign-in, for two minutes. */
import { describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS, ApprovalTokens } from '../../../src/main/core/approval/approval-tokens';

const GRANT = { action: 'return', sessionId: 's-1', cashierId: 'C1', approverId: 'M1' } as const;
const USE = { action: 'return', sessionId: 's-1', cashierId: 'C1' } as const;

describe('ApprovalTokens', () => {
  it('answers the approver once, then never again', () => {
    const tokens = new ApprovalTokens(() => 0);
    const { token, expiresAt } = tokens.issue(GRANT);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(expiresAt).toBe(APPROVAL_TTL_MS);
    expect(tokens.consume(token, USE)).toBe('M1');
    expect(tokens.consume(token, USE)).toBeNull();
  });

  it('refuses another action, session or cashier, and burns the token trying', () => {
    const tokens = new ApprovalTokens(() => 0);
    for (const use of [
      { ...USE, action: 'refund' as const },
      { ...USE, sessionId: 's-2' },
      { ...USE, cashierId: 'C2' },
    ]) {
      const { token } = tokens.issue(GRANT);
      expect(tokens.consume(token, use)).toBeNull();
      expect(tokens.consume(token, USE)).toBeNull();
    }
    expect(tokens.consume('not-a-token-at-all', USE)).toBeNull();
  });

  it('expires after its lifetime', () => {
    let now = 1_000;
    const tokens = new ApprovalTokens(() => now);
    const early = tokens.issue(GRANT);
    const late = tokens.issue(GRANT);
    now += APPROVAL_TTL_MS - 1;
    expect(tokens.consume(early.token, USE)).toBe('M1');
    now += 1;
    expect(tokens.consume(late.token, USE)).toBeNull();
  });
});

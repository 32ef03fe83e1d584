/**
 * One-time manager approvals: a manager types their PIN on a cashier's session and the cashier gets
 * an opaque token good for exactly one call of one action, on that session, for a short time. Held
 * in memory only: a restart or a new sign-in makes every outstanding approval worthless.
 */
import { randomBytes } from 'node:crypto';
import type { ApprovalAction } from '../../../shared/ipc/channel';

export const APPROVAL_TTL_MS = 2 * 60_000;
/** More than a terminal ever has outstanding; the oldest go first. */
const MAX_OUTSTANDING = 100;

export interface ApprovalGrant {
  action: ApprovalAction;
  /** The cashier's sign-in it is bound to. */
  sessionId: string;
  cashierId: string;
  approverId: string;
}

export interface IssuedApproval {
  token: string;
  expiresAt: number;
}

export class ApprovalTokens {
  private readonly grants = new Map<string, ApprovalGrant & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: ApprovalGrant): IssuedApproval {
    this.sweep();
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + APPROVAL_TTL_MS;
    this.grants.set(token, { ...grant, expiresAt });
    while (this.grants.size > MAX_OUTSTANDING) {
      const oldest = this.grants.keys().next();
      if (oldest.done) break;
      this.grants.delete(oldest.value);
    }
    return { token, expiresAt };
  }

  /**
   * The approver's id when the token is live and matches the action, session and cashier. Any
   * presentation uses the token up, so a token tried for the wrong action cannot be tried again.
   */
  consume(
    token: string,
    use: { action: ApprovalAction; sessionId: string; cashierId: string },
  ): string | null {
    const grant = this.grants.get(token);
    if (!grant) return null;
    this.grants.delete(token);
    const live = grant.expiresAt > this.now();
    const matches =
      grant.action === use.action && grant.sessionId === use.sessionId && grant.cashierId === use.cashierId;
    return live && matches ? grant.approverId : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(token);
  }
}

/**
 * The PIN each flow holds for an account until the authorization uses it. Kept in main's memory
 * only (never logged, never on disk, never sent to the renderer) and as short-lived as Flexiti's own
 * PIN (10 minutes).
 */

export type PinMethod =
  'sms' | 'email' | 'security_question' | 'regular_purchase_bypass' | 'merchant_override';

export interface PinState {
  accountNumber: string;
  method: PinMethod;
  /** Null while an SMS or e-mail PIN waits for the cashier to type it. */
  pin: string | null;
  issuedAt: number;
}

const PIN_TTL_MS = 10 * 60_000;

export class VerificationPins {
  private readonly states = new Map<string, PinState>();
  private readonly now: () => number;

  constructor(now?: () => number) {
    this.now = now ?? Date.now;
  }

  private key(flowId: string, accountRef: string): string {
    return `${flowId}\u0000${accountRef}`;
  }

  set(flowId: string, accountRef: string, state: Omit<PinState, 'issuedAt'>): void {
    this.states.set(this.key(flowId, accountRef), { ...state, issuedAt: this.now() });
  }

  get(flowId: string, accountRef: string): PinState | undefined {
    const key = this.key(flowId, accountRef);
    const state = this.states.get(key);
    if (state && this.now() - state.issuedAt > PIN_TTL_MS) {
      this.states.delete(key);
      return undefined;
    }
    return state;
  }

  /** Used (or refused) by Flexiti: the next purchase needs a new verification. */
  drop(flowId: string, accountRef: string): void {
    this.states.delete(this.key(flowId, accountRef));
  }

  clear(): void {
    this.states.clear();
  }
}

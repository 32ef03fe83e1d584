/**
 * Customer flows as the renderer sees them: an opaque flow id for each FlowContext (one Flexiti
 * x-reference-id per customer), and opaque account refs for the account numbers found in a flow.
 */
import type { FlowContext } from '../flexiti/call-runner';
import { OpaqueHandles } from './opaque-handles';

export interface FlowRecord {
  /** Its `lang` is the customer's language once known (see customer-language.ts). */
  context: FlowContext;
  /** The screen's language when the flow started: the customer's until they are known. */
  language: 'en' | 'fr';
  /** Set when the cashier switches the language because the customer asked: it beats the account's. */
  chosenLanguage?: 'en' | 'fr';
}

export interface AccountRecord {
  flowId: string;
  accountNumber: string;
  cardEndingIn?: string;
  /** Flexiti's creation_date (YYYY-MM-DD) when a search reported it: the Quebec contract date. */
  creationDate?: string;
  /** Flexiti's preferred_language for the account (fr-CA -> fr), when it said. */
  preferredLanguage?: 'en' | 'fr';
}

/** A customer at the counter rarely takes longer; a stale flow is started again. */
const FLOW_TTL_MS = 60 * 60_000;

export class CustomerFlows {
  private readonly flows: OpaqueHandles<FlowRecord>;
  private readonly accounts: OpaqueHandles<AccountRecord>;

  constructor(now?: () => number) {
    const common = now ? { now } : {};
    this.flows = new OpaqueHandles({ ttlMs: FLOW_TTL_MS, maxEntries: 200, ...common });
    this.accounts = new OpaqueHandles({ ttlMs: FLOW_TTL_MS, maxEntries: 2000, ...common });
  }

  start(record: FlowRecord): string {
    return this.flows.issue(record);
  }

  flow(flowId: string): FlowRecord | undefined {
    return this.flows.resolve(flowId);
  }

  refFor(record: AccountRecord): string {
    return this.accounts.issue(record);
  }

  /** The account behind a ref, only within the flow that found it. */
  account(flowId: string, accountRef: string): AccountRecord | undefined {
    const record = this.accounts.resolve(accountRef);
    return record && record.flowId === flowId ? record : undefined;
  }

  /** Sign-out: nothing a previous cashier found stays reachable. */
  clear(): void {
    this.flows.clear();
    this.accounts.clear();
  }
}

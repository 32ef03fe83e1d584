/**
 * What the cashier-journey handlers share: the flow and account behind the renderer's opaque
 * handles, and the account's lookup facts (fetched once per account ref).
 */
import type { FlowContext } from '../flexiti/call-runner';
import type { CustomerDetails } from '../flexiti/schemas/customer-schemas';
import type { AccountFacts } from '../flows/account-facts';
import type { AccountRecord, CustomerFlows, FlowRecord } from '../flows/customer-flows';
import { adoptAccountLanguage, customerLanguageOf, languageOfPreference } from '../flows/customer-language';
import { fail } from './app-failure';
import type { HandlerContext } from './handler-types';

export interface LookupSource {
  lookupCustomer(
    flow: FlowContext,
    input: { by: 'account'; accountNumber: string },
  ): Promise<CustomerDetails>;
}

export function flowOf(flows: CustomerFlows, flowId: string): FlowRecord {
  const flow = flows.flow(flowId);
  if (!flow) fail('needs_action', 'flow_expired');
  return flow;
}

export function accountOf(
  flows: CustomerFlows,
  flowId: string,
  accountRef: string,
): { flow: FlowRecord; account: AccountRecord } {
  const flow = flowOf(flows, flowId);
  const account = flows.account(flowId, accountRef);
  if (!account) fail('needs_action', 'account_not_in_flow');
  // Working on this account makes it the flow's customer: Flexiti speaks to them in their language.
  adoptAccountLanguage(flow, account);
  return { flow, account };
}

export async function factsOf(
  source: LookupSource,
  facts: AccountFacts,
  flow: FlowRecord,
  accountRef: string,
  account: AccountRecord,
): Promise<CustomerDetails> {
  const known = facts.get(accountRef);
  if (known) return known;
  const details = await source.lookupCustomer(flow.context, {
    by: 'account',
    accountNumber: account.accountNumber,
  });
  facts.set(accountRef, details);
  const preferred = languageOfPreference(details.preferredLanguage);
  if (preferred && !account.preferredLanguage) {
    account.preferredLanguage = preferred;
    adoptAccountLanguage(flow, account);
  }
  return details;
}

/** The signed-in person's id, sent as Flexiti's external_employee_id. */
export function employeeOf(context: HandlerContext): string {
  if (!context.staff) fail('not_allowed', 'sign_in_required');
  return context.staff.employeeId;
}

export function customerLanguage(details: CustomerDetails | undefined, fallback: 'en' | 'fr'): 'en' | 'fr' {
  return languageOfPreference(details?.preferredLanguage) ?? fallback;
}

/** The language the customer reads in the flow: the cashier's choice, else the account's, else the screen's. */
export function flowCustomerLanguage(flow: FlowRecord): 'en' | 'fr' {
  return customerLanguageOf(flow);
}

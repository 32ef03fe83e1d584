/**
 * Customer flows, search and lookup. Account and card numbers stay in main: the renderer gets the
 * last 4 digits of the card and an opaque account ref.
 */
import { MASK_DOTS } from '../../../shared/masking';
import type { AccountView } from '../../../shared/ipc/channels/customers';
import type { FlowContext } from '../flexiti/call-runner';
import type { CustomerAccount, CustomerDetails } from '../flexiti/schemas/customer-schemas';
import type { CustomerFlows } from '../flows/customer-flows';
import { chooseCustomerLanguage, customerLanguageOf, languageOfPreference } from '../flows/customer-language';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

/** The part of the Flexiti client these handlers use. */
export interface CustomerService {
  startFlow(): Promise<FlowContext>;
  search(
    flow: FlowContext,
    input: { firstName: string; lastName: string; dob: string; postalCode?: string },
  ): Promise<CustomerAccount[]>;
  lookup(
    flow: FlowContext,
    input: { by: 'vcc'; vccNumber: string } | { by: 'account'; accountNumber: string },
  ): Promise<CustomerDetails>;
}

export interface CustomerHandlerDeps {
  customers: CustomerService;
  flows: CustomerFlows;
  defaultLanguage: () => 'en' | 'fr';
}

const STATUS_WORDS: Record<string, AccountView['status']> = {
  N: 'normal',
  A: 'auth_prohibited',
  F: 'frozen',
  Z: 'charged_off',
  C: 'closed',
};

function maskedCard(ending: string | undefined): string {
  const digits = (ending ?? '').replace(/\D/g, '').slice(-4);
  return digits.length === 4 ? `${MASK_DOTS} ${digits}` : MASK_DOTS;
}

function accountType(value: string | undefined): 'consumer' | 'business' | undefined {
  return value === 'consumer' || value === 'business' ? value : undefined;
}

type AccountLike = Pick<
  CustomerAccount,
  | 'accountNumber'
  | 'accountStatus'
  | 'availableCreditCents'
  | 'cardEndingIn'
  | 'firstName'
  | 'lastName'
  | 'accountType'
  | 'preferredLanguage'
> & { creditLimitCents?: number | undefined; creationDate?: string | undefined };

function toView(flows: CustomerFlows, flowId: string, account: AccountLike): AccountView {
  const lang = languageOfPreference(account.preferredLanguage);
  const status = STATUS_WORDS[(account.accountStatus ?? '').trim().toUpperCase()] ?? 'unknown';
  const view: AccountView = {
    accountRef: flows.refFor({
      flowId,
      accountNumber: String(account.accountNumber),
      ...(account.cardEndingIn ? { cardEndingIn: account.cardEndingIn } : {}),
      ...(account.creationDate && /^\d{4}-\d{2}-\d{2}$/.test(account.creationDate)
        ? { creationDate: account.creationDate }
        : {}),
      ...(lang ? { preferredLanguage: lang } : {}),
    }),
    cardMasked: maskedCard(account.cardEndingIn),
    status,
    canPurchase: status === 'normal',
  };
  if (account.firstName) view.firstName = account.firstName.slice(0, 35);
  if (account.lastName) view.lastName = account.lastName.slice(0, 50);
  if (account.availableCreditCents !== undefined && account.availableCreditCents >= 0) {
    view.availableCreditCents = account.availableCreditCents;
  }
  if (account.creditLimitCents !== undefined && account.creditLimitCents >= 0) {
    view.creditLimitCents = account.creditLimitCents;
  }
  const type = accountType(account.accountType);
  if (type) view.accountType = type;
  if (lang) view.preferredLanguage = lang;
  return view;
}

export function createCustomerHandlers(
  deps: CustomerHandlerDeps,
): Handlers<'flow.start' | 'flow.setCustomerLanguage' | 'customers.search' | 'customers.lookup'> {
  const { customers, flows } = deps;

  function flowOf(flowId: string) {
    const flow = flows.flow(flowId);
    if (!flow) fail('needs_action', 'flow_expired');
    return flow;
  }

  return {
    'flow.start': async (request) => {
      const context = await customers.startFlow();
      const flowId = flows.start({ context, language: request.language ?? deps.defaultLanguage() });
      return { flowId, referenceId: context.referenceId };
    },

    'flow.setCustomerLanguage': (request) => {
      const flow = flowOf(request.flowId);
      chooseCustomerLanguage(flow, request.language);
      return { language: customerLanguageOf(flow) };
    },

    'customers.search': async (request) => {
      const flow = flowOf(request.flowId);
      const found = await customers.search(flow.context, {
        firstName: request.firstName,
        lastName: request.lastName,
        dob: request.dob,
        ...(request.postalCode ? { postalCode: request.postalCode } : {}),
      });
      // Each account keeps its preferred language; it becomes the flow's when a journey step uses it.
      return { accounts: found.slice(0, 50).map((account) => toView(flows, request.flowId, account)) };
    },

    'customers.lookup': async (request) => {
      const flow = flowOf(request.flowId);
      if (request.by === 'card' && request.number.length !== 16) {
        fail('needs_action', 'invalid_request', { fields: [{ param: 'number', msg: 'length' }] });
      }
      if (request.by === 'account' && request.number.length > 14) {
        fail('needs_action', 'invalid_request', { fields: [{ param: 'number', msg: 'length' }] });
      }
      const details = await customers.lookup(
        flow.context,
        request.by === 'card'
          ? { by: 'vcc', vccNumber: request.number }
          : { by: 'account', accountNumber: request.number },
      );
      return { account: toView(flows, request.flowId, details) };
    },
  };
}

/**
 * Customer verification: which methods apply, sending the verify, taking the PIN the customer reads.
 * The PIN is bound to the flow and account in main (VerificationPins) and used by the authorization;
 * a PIN Flexiti returns directly (security question, override, bypass) never leaves main.
 */
import { maskEmail, maskPhone } from '../../../shared/masking';
import type { VerifyMethod, VerifyMethodView } from '../../../shared/ipc/channels/verification';
import type { FlowContext } from '../flexiti/call-runner';
import type { PricingOptions } from '../flexiti/schemas/pricing-schemas';
import type { VerifyResult } from '../flexiti/schemas/customer-schemas';
import type { VerifyInput } from '../flexiti/verification-api';
import type { AccountFacts } from '../flows/account-facts';
import type { CustomerFlows } from '../flows/customer-flows';
import type { VerificationPins } from '../flows/verification-pins';
import type { I18nCache } from '../reference-data/i18n-cache';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';
import { accountOf, employeeOf, factsOf, flowCustomerLanguage, type LookupSource } from './journey-context';

export interface VerificationService extends LookupSource {
  verifyAccount(flow: FlowContext, input: VerifyInput): Promise<VerifyResult>;
  calculateInterest(
    flow: FlowContext,
    input: { accountNumber: string; amountCents: number },
  ): Promise<PricingOptions>;
}

export interface VerificationHandlerDeps {
  client: VerificationService;
  flows: CustomerFlows;
  facts: AccountFacts;
  pins: VerificationPins;
  i18n: I18nCache;
}

/** A number Flexiti can text: 10 digits, or its own masked form of one. */
function textablePhone(phone: string | undefined): boolean {
  if (!phone) return false;
  return /^\d{10}$/.test(phone.replace(/\D/g, '')) || /^\*{6}\d{4}$/.test(phone);
}

export function createVerificationHandlers(
  deps: VerificationHandlerDeps,
): Handlers<'verify.methods' | 'verify.start' | 'verify.submitPin' | 'verify.resend'> {
  const { client, flows, facts, pins, i18n } = deps;

  async function send(
    flowId: string,
    accountRef: string,
    method: VerifyMethod,
    employeeId: string,
    answer?: string,
  ): Promise<'awaiting_pin' | 'ready'> {
    const { flow, account } = accountOf(flows, flowId, accountRef);
    let input: VerifyInput;
    if (method === 'security_question') {
      if (answer === undefined)
        fail('needs_action', 'answer_required', { fields: [{ param: 'answer', msg: 'required' }] });
      const details = await factsOf(client, facts, flow, accountRef, account);
      if (!details.securityQuestion) fail('needs_action', 'no_security_question');
      input = {
        format: 'security_question',
        accountNumber: account.accountNumber,
        securityQid: details.securityQuestion.id,
        securityAnswer: answer,
        employeeId,
      };
    } else {
      // The PIN message goes out in the call's lang: learn the customer's language first (cached).
      if (method === 'sms' || method === 'email') {
        await factsOf(client, facts, flow, accountRef, account).catch(() => undefined);
      }
      input = { format: method, accountNumber: account.accountNumber, employeeId };
    }
    // A new verify replaces the PIN at Flexiti: forget ours first, whatever the answer.
    pins.drop(flowId, accountRef);
    const result = await client.verifyAccount(flow.context, input);
    if (result.verificationCode !== null) {
      pins.set(flowId, accountRef, {
        accountNumber: account.accountNumber,
        method,
        pin: result.verificationCode,
      });
      return 'ready';
    }
    pins.set(flowId, accountRef, { accountNumber: account.accountNumber, method, pin: null });
    return 'awaiting_pin';
  }

  return {
    'verify.methods': async (request) => {
      const { flow, account } = accountOf(flows, request.flowId, request.accountRef);
      const details = await factsOf(client, facts, flow, request.accountRef, account);
      const lang = flowCustomerLanguage(flow);
      const methods: VerifyMethodView[] = [];
      if (textablePhone(details.phoneNumber)) {
        methods.push({
          method: 'sms',
          needsManager: false,
          destinationMasked: maskPhone(details.phoneNumber ?? ''),
        });
      }
      if (details.email && details.email.includes('@')) {
        methods.push({ method: 'email', needsManager: false, destinationMasked: maskEmail(details.email) });
      }
      if (details.securityQuestion) {
        const localized = await i18n.textOrUndefined(lang, [
          'security_ids',
          String(details.securityQuestion.id),
        ]);
        const questionText = (localized ?? details.securityQuestion.text)?.slice(0, 300);
        methods.push({
          method: 'security_question',
          needsManager: false,
          ...(questionText ? { questionText } : {}),
        });
      }
      if (request.purchase?.kind === 'regular') {
        const pricing = await client.calculateInterest(flow.context, {
          accountNumber: account.accountNumber,
          amountCents: request.purchase.amountCents,
        });
        if (pricing.regularPurchase?.bypassAllowed === true) {
          methods.push({ method: 'regular_purchase_bypass', needsManager: false });
        }
      }
      methods.push({ method: 'merchant_override', needsManager: true });
      return { methods };
    },

    'verify.start': async (request, context) => {
      const employeeId = employeeOf(context);
      const approved = context.approverId !== undefined;
      if (request.method === 'merchant_override' && context.staff?.role !== 'manager' && !approved) {
        fail('not_allowed', 'manager_required');
      }
      if (request.method !== 'security_question' && request.answer !== undefined) {
        fail('needs_action', 'invalid_request', { fields: [{ param: 'answer', msg: 'invalid' }] });
      }
      const state = await send(
        request.flowId,
        request.accountRef,
        request.method,
        employeeId,
        request.answer,
      );
      return { method: request.method, state };
    },

    'verify.submitPin': (request) => {
      accountOf(flows, request.flowId, request.accountRef);
      const current = pins.get(request.flowId, request.accountRef);
      if (!current || (current.method !== 'sms' && current.method !== 'email')) {
        fail('needs_action', 'verification_not_started');
      }
      pins.set(request.flowId, request.accountRef, { ...current, pin: request.pin });
      return { state: 'ready' as const };
    },

    'verify.resend': async (request, context) => {
      const employeeId = employeeOf(context);
      const current = pins.get(request.flowId, request.accountRef);
      if (!current || (current.method !== 'sms' && current.method !== 'email')) {
        fail('needs_action', 'verification_not_started');
      }
      const method = current.method;
      await send(request.flowId, request.accountRef, method, employeeId);
      return { method, state: 'awaiting_pin' as const };
    },
  };
}

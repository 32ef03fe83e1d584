/** Pricing a purchase for an account in the flow: plans, terms, fees and the Quebec disclosure. */
import type { PlanView } from '../../../shared/ipc/channels/pricing';
import type { FlowContext } from '../flexiti/call-runner';
import type { PricingOptions } from '../flexiti/schemas/pricing-schemas';
import type { AccountFacts } from '../flows/account-facts';
import type { CustomerFlows } from '../flows/customer-flows';
import type { I18nCache } from '../reference-data/i18n-cache';
import type { Handlers } from './handler-types';
import { accountOf, factsOf, flowCustomerLanguage, type LookupSource } from './journey-context';
import { feeView, termView } from './pricing-views';

export interface PricingService extends LookupSource {
  calculateInterest(
    flow: FlowContext,
    input: { accountNumber: string; amountCents: number },
  ): Promise<PricingOptions>;
}

export interface PricingHandlerDeps {
  client: PricingService;
  flows: CustomerFlows;
  facts: AccountFacts;
  i18n: I18nCache;
}

export function createPricingHandlers(deps: PricingHandlerDeps): Handlers<'pricing.calculate'> {
  const { client, flows, facts, i18n } = deps;
  return {
    'pricing.calculate': async (request) => {
      const { flow, account } = accountOf(flows, request.flowId, request.accountRef);
      // The account's facts first: its preferred language is the `lang` of the fee and rate messages.
      const details = await factsOf(client, facts, flow, request.accountRef, account);
      const pricing = await client.calculateInterest(flow.context, {
        accountNumber: account.accountNumber,
        amountCents: request.amountCents,
      });
      const amountCents = pricing.amountCents ?? request.amountCents;
      // The customer reads the plan's name from Flexiti's i18n in their language (plan_name is its
      // internal English name), as the receipt does.
      const lang = flowCustomerLanguage(flow);
      const labels = new Map<number, string>();
      for (const plan of pricing.promotionalPlans.slice(0, 50)) {
        const label = await i18n.textOrUndefined(lang, ['plan_ids', String(plan.planId)]);
        if (label) labels.set(plan.planId, label);
      }
      const plans: PlanView[] = pricing.promotionalPlans
        .filter((plan) => Number.isInteger(plan.planId) && plan.planId > 0 && plan.planId <= 999)
        .slice(0, 50)
        .map((plan) => {
          const view: PlanView = {
            planId: plan.planId,
            terms: plan.terms
              .map((term) => termView(amountCents, term))
              .filter((term) => term !== null)
              .slice(0, 50),
          };
          const name = labels.get(plan.planId) ?? plan.planName;
          if (name) view.planName = name.slice(0, 200);
          return view;
        });

      const answer: {
        amountCents: number;
        plans: PlanView[];
        regularPurchase?: {
          paymentCents?: number;
          annualRate?: number;
          bypassAllowed: boolean;
          fees: ReturnType<typeof feeView>[];
        };
        quebecDisclosure?: string;
        availableCreditCents?: number;
      } = { amountCents, plans };

      const regular = pricing.regularPurchase;
      if (regular) {
        answer.regularPurchase = {
          bypassAllowed: regular.bypassAllowed,
          fees: regular.fees.slice(0, 20).map(feeView),
          ...(regular.termAmountCents !== undefined ? { paymentCents: regular.termAmountCents } : {}),
          ...(regular.air !== undefined && regular.air >= 0 && regular.air <= 10
            ? { annualRate: regular.air }
            : {}),
        };
      }
      const available = pricing.customer?.availableCreditCents;
      if (available !== undefined && available >= 0) answer.availableCreditCents = available;

      if ((details.province ?? '').toUpperCase() === 'QC') {
        // Flexiti puts the disclosure in the rate's message for a Quebec account; i18n has it too.
        const fromRate = pricing.promotionalPlans
          .flatMap((plan) => plan.terms)
          .find((term) => term.rate?.message)?.rate?.message;
        const disclosure = fromRate ?? (await i18n.textOrUndefined(lang, ['qcpa_disclosure']));
        if (disclosure) answer.quebecDisclosure = disclosure.slice(0, 2000);
      }
      return answer;
    },
  };
}

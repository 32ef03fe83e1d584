/**
 * The in-store credit application: form values (i18n, cached per language), terms, licence decode
 * (Flexiti first, the local AAMVA parser as fallback), submit with recorded consent, status, abandon.
 * Personal data stays in the request and the flow's draft; logs carry consent facts only.
 */
import type { ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { parseAamva } from '../../../shared/licence/aamva';
import type { ApplicationInput } from '../flexiti/applications-api';
import type { FlowContext } from '../flexiti/call-runner';
import type { Lang } from '../flexiti/http-transport';
import type { ApplicationDecision } from '../flexiti/schemas/application-schemas';
import type { LicenceData } from '../flexiti/schemas/customer-schemas';
import type { TermsDocument } from '../flexiti/schemas/reference-data-schemas';
import type { ApplicationDrafts } from '../flows/application-drafts';
import type { CustomerFlows } from '../flows/customer-flows';
import { adoptCustomerLanguage, customerLanguageOf, staffFacing } from '../flows/customer-language';
import type { Logger } from '../logging/logger';
import type { I18nCache } from '../reference-data/i18n-cache';
import { sanitizeTermsHtml } from '../reference-data/terms-html';
import { fail } from './app-failure';
import { applicationFormData } from './application-form';
import { maskedCard } from './authorization-view';
import type { Handlers } from './handler-types';
import { employeeOf, flowOf } from './journey-context';
import { fromFlexiti, fromLocal, type DecodedLicence } from './licence-prefill';

export interface ApplicationService {
  newFlow(): FlowContext;
  getTerms(flow: FlowContext, lang: Lang, province?: string): Promise<TermsDocument[]>;
  decodeDriversLicence(flow: FlowContext, input: { code: string }): Promise<LicenceData>;
  submitApplication(flow: FlowContext, input: ApplicationInput): Promise<ApplicationDecision>;
  getApplicationStatus(flow: FlowContext, applicationId: string): Promise<ApplicationDecision>;
}

export interface ApplicationHandlerDeps {
  client: ApplicationService;
  flows: CustomerFlows;
  drafts: ApplicationDrafts;
  i18n: I18nCache;
  logger: Logger;
  defaultLanguage: () => 'en' | 'fr';
  now?: () => number;
}

export function createApplicationHandlers(
  deps: ApplicationHandlerDeps,
): Handlers<
  | 'application.formData'
  | 'application.terms'
  | 'application.decodeLicence'
  | 'application.submit'
  | 'application.status'
  | 'application.abandon'
> {
  const { client, flows, drafts, i18n, logger } = deps;
  const now = deps.now ?? Date.now;

  function decisionView(flowId: string, decision: ApplicationDecision): ApplicationDecisionView {
    const flow = flows.flow(flowId);
    const applicationId = decision.applicationId.slice(0, 20);
    if (decision.decision === 'declined') return { decision: 'declined', applicationId };
    if (decision.decision === 'approved' && decision.accountNumber) {
      const accountRef = flows.refFor({
        flowId,
        accountNumber: decision.accountNumber,
        ...(decision.cardEndingIn ? { cardEndingIn: decision.cardEndingIn } : {}),
        // The applicant's language carries on into the purchase on the new account.
        ...(flow ? { preferredLanguage: customerLanguageOf(flow) } : {}),
      });
      const account: Extract<ApplicationDecisionView, { decision: 'approved' }>['account'] = {
        accountRef,
        cardMasked: maskedCard(decision.cardEndingIn),
      };
      if (decision.creditLimitCents !== undefined && decision.creditLimitCents >= 0) {
        account.creditLimitCents = decision.creditLimitCents;
      }
      return { decision: 'approved', applicationId, account };
    }
    return { decision: 'pending', supportReference: applicationId };
  }

  return {
    'application.formData': async (request) =>
      applicationFormData(await i18n.tree(request.language), request.language),

    'application.terms': async (request) => {
      const requested = request.language ?? deps.defaultLanguage();
      const languages: ('en' | 'fr')[] = request.province === 'QC' ? ['fr', 'en'] : [requested];
      const flow = client.newFlow();
      const sets = [];
      for (const language of languages) {
        const terms = await client.getTerms(flow, language, request.province);
        sets.push({
          language,
          terms: terms.slice(0, 20).map((term) => ({
            id: term.id.slice(0, 100),
            title: term.title.slice(0, 300),
            bodyHtml: sanitizeTermsHtml(term.bodyHtml).slice(0, 200_000),
            version: term.version.slice(0, 40),
          })),
        });
      }
      return { sets };
    },

    'application.decodeLicence': async (request) => {
      const flow = flowOf(flows, request.flowId);
      let decoded: DecodedLicence;
      let source: 'flexiti' | 'local';
      try {
        // The cashier's scan: Flexiti answers in the terminal's language.
        decoded = fromFlexiti(
          await client.decodeDriversLicence(staffFacing(flow.context), { code: request.raw }),
        );
        source = 'flexiti';
      } catch {
        // Flexiti down or unable to read it: the terminal's own parser reads the same barcode.
        const parsed = parseAamva(request.raw);
        if (!parsed.ok) fail('needs_action', 'licence_unreadable');
        decoded = fromLocal(parsed.licence);
        source = 'local';
      }
      drafts.update(request.flowId, { licenceNumber: decoded.licenceNumber });
      return { source, prefill: decoded.prefill };
    },

    'application.submit': async (request, context) => {
      const employeeId = employeeOf(context);
      const flow = flowOf(flows, request.flowId);
      // The applicant's language (the one they read the form and terms in): Flexiti's messages follow it.
      adoptCustomerLanguage(flow, request.applicant.preferredLanguage ?? request.consent.language);
      const draft = drafts.get(request.flowId);
      const a = request.applicant;
      const govidNumber = a.govidNumber ?? draft?.licenceNumber;
      if (!govidNumber) {
        fail('needs_action', 'govid_number_required', {
          fields: [{ param: 'govidNumber', msg: 'required' }],
        });
      }
      // Every term Flexiti serves for the province, at its current version, must have been accepted.
      const served = await client.getTerms(flow.context, request.consent.language, a.province);
      const accepted = new Set(request.consent.terms.map((term) => `${term.id}\u0000${term.version}`));
      const missing = served.filter((term) => !accepted.has(`${term.id}\u0000${term.version}`));
      if (missing.length > 0) {
        fail('needs_action', 'terms_not_accepted', {
          fields: missing.slice(0, 20).map((term) => ({ param: term.id.slice(0, 100), msg: 'required' })),
        });
      }
      const consent = {
        terms: request.consent.terms,
        language: request.consent.language,
        acceptedAt: new Date(now()).toISOString(),
        employeeId,
      };
      drafts.update(request.flowId, { consent, referenceId: flow.context.referenceId });
      // Which texts were accepted, when and by whom served: no applicant data.
      logger.info('application consent recorded', { ...consent, referenceId: flow.context.referenceId });

      const input: ApplicationInput = {
        accountType: a.accountType ?? 'consumer',
        firstName: a.firstName,
        lastName: a.lastName,
        dob: a.dob,
        address1: a.address1,
        city: a.city,
        province: a.province,
        postalCode: a.postalCode,
        phoneNumber: a.phoneNumber,
        email: a.email,
        housingType: a.housingType,
        monthlyHousingCostCents: a.monthlyHousingCostCents,
        occupationId: a.occupationId,
        annualIncomeCents: a.annualIncomeCents,
        govidType: a.govidType,
        govidIssuedBy: a.govidIssuedBy,
        govidNumber,
        securityId: a.securityId,
        securityAnswer: a.securityAnswer,
        tosAgreement: request.consent.tosAgreement,
        creditConsent: request.consent.creditConsent,
        insuranceOptIn: a.insuranceOptIn ?? false,
        employeeId,
        ...(a.salutation ? { salutation: a.salutation } : {}),
        ...(a.middleName ? { middleName: a.middleName } : {}),
        ...(a.address2 ? { address2: a.address2 } : {}),
        ...(a.preferredLanguage
          ? { preferredLanguage: a.preferredLanguage === 'fr' ? 'fr-CA' : 'en-CA' }
          : {}),
        ...(a.employer ? { employer: a.employer } : {}),
        ...(a.sin ? { sin: a.sin } : {}),
        ...(a.govidExpiry ? { govidExpiry: a.govidExpiry } : {}),
      };
      const decision = await client.submitApplication(flow.context, input);
      // The application exists now: the licence number has done its job.
      drafts.update(request.flowId, { licenceNumber: undefined, applicationId: decision.applicationId });
      return decisionView(request.flowId, decision);
    },

    'application.status': async (request) => {
      const flow = flowOf(flows, request.flowId);
      const applicationId = drafts.get(request.flowId)?.applicationId;
      if (!applicationId) fail('needs_action', 'no_application');
      return decisionView(request.flowId, await client.getApplicationStatus(flow.context, applicationId));
    },

    'application.abandon': (request) => {
      drafts.drop(request.flowId);
      return { abandoned: true as const };
    },
  };
}

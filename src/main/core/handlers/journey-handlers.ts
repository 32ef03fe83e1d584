/**
 * The cashier journeys' handlers (verification, pricing, purchase, application) with the in-memory
 * state they share, built in one place so the composition root wires them with one call.
 */
import type { FlexitiClient } from '../flexiti/flexiti-client';
import type { JournalEntry } from '../journal/journal-types';
import { AccountFacts } from '../flows/account-facts';
import { ApplicationDrafts } from '../flows/application-drafts';
import type { CustomerFlows } from '../flows/customer-flows';
import { PurchaseRecords } from '../flows/purchase-records';
import { VerificationPins } from '../flows/verification-pins';
import type { LineItem } from '../flows/sku-data';
import type { Logger } from '../logging/logger';
import { I18nCache } from '../reference-data/i18n-cache';
import { createApplicationHandlers } from './application-handlers';
import type { Handlers } from './handler-types';
import { createPricingHandlers } from './pricing-handlers';
import { createPurchaseHandlers } from './purchase-handlers';
import { terminalFacts, type TerminalSettings } from './terminal-facts';
import { createVerificationHandlers } from './verification-handlers';

export type JourneyChannel =
  | 'verify.methods'
  | 'verify.start'
  | 'verify.submitPin'
  | 'verify.resend'
  | 'pricing.calculate'
  | 'purchase.authorize'
  | 'purchase.capture'
  | 'purchase.release'
  | 'purchase.receipt'
  | 'application.formData'
  | 'application.terms'
  | 'application.decodeLicence'
  | 'application.submit'
  | 'application.status'
  | 'application.abandon';

export interface JourneyDeps {
  client: FlexitiClient;
  flows: CustomerFlows;
  journal: () => { get(id: string): JournalEntry | undefined };
  /** Settles unfinished journal entries (the composition root's reconcile). */
  settle: () => Promise<unknown>;
  settings: () => TerminalSettings;
  logger: Logger;
  /** The sales ledger's line items of a sale, for a receipt printed after a restart. */
  storedLineItems?: (authorizationId: string) => LineItem[];
  now?: () => number;
}

export interface JourneyHandlers {
  handlers: Handlers<JourneyChannel>;
  /** Sign-out or a new environment: forget PINs, lookups and application drafts. */
  clear(): void;
}

export function createJourneyHandlers(deps: JourneyDeps): JourneyHandlers {
  const { client, flows, logger } = deps;
  const facts = new AccountFacts();
  const pins = new VerificationPins(deps.now);
  const drafts = new ApplicationDrafts();
  const records = new PurchaseRecords();
  const i18n = new I18nCache({
    newFlow: () => client.newFlow(),
    getI18n: (flow, lang) => client.getI18n(flow, lang),
  });
  const now = deps.now ? { now: deps.now } : {};

  const handlers: Handlers<JourneyChannel> = {
    ...createVerificationHandlers({ client, flows, facts, pins, i18n }),
    ...createPricingHandlers({ client, flows, facts, i18n }),
    ...createPurchaseHandlers({
      client: {
        newFlow: () => client.newFlow(),
        lookupCustomer: (flow, input) => client.lookupCustomer(flow, input),
        authorize: (flow, input) => client.authorize(flow, input),
        capture: (flow, input) => client.capture(flow, input),
        release: (flow, input) => client.release(flow, input),
        getAuthorization: (flow, id) => client.getAuthorization(flow, id),
      },
      flows,
      facts,
      pins,
      records,
      i18n,
      journal: { get: (id) => deps.journal().get(id) },
      settle: deps.settle,
      terminal: () => terminalFacts(deps.settings()),
      ...(deps.storedLineItems ? { storedLineItems: deps.storedLineItems } : {}),
      ...now,
    }),
    ...createApplicationHandlers({
      client: {
        newFlow: () => client.newFlow(),
        getTerms: (flow, lang, province) => client.getTerms(flow, lang, province),
        decodeDriversLicence: (flow, input) => client.decodeDriversLicence(flow, input),
        submitApplication: (flow, input) => client.submitApplication(flow, input),
        getApplicationStatus: (flow, id) => client.getApplicationStatus(flow, id),
      },
      flows,
      drafts,
      i18n,
      logger,
      defaultLanguage: () => deps.settings().language,
      ...now,
    }),
  };

  return {
    handlers,
    clear() {
      facts.clear();
      pins.clear();
      drafts.clear();
    },
  };
}

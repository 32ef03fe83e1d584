/**
 * The typed Flexiti POS API client: one method per endpoint the app uses, in integer cents, with
 * the token handled, mutating calls journaled, answers parsed leniently and every failure thrown as
 * a FlexitiCallError carrying an AppError. Built once per environment by the composition root.
 */
import type { Journal } from '../journal/journal';
import type { JournaledPolicy } from '../journal/journaled-call';
import { newFlowContext, type ClientContext, type FlowContext, type TerminalIdentity } from './call-runner';
import * as customers from './customers-api';
import * as applications from './applications-api';
import { HttpTransport, type Lang, type TransportTimeouts } from './http-transport';
import * as pricing from './pricing-api';
import { reconcileJournal, type ReconcileReport, type ReconcilerOptions } from './reconciler';
import * as referenceData from './reference-data-api';
import { TokenManager, type CredentialSource, type TokenClock } from './token-manager';
import * as transactions from './transactions-api';
import * as verification from './verification-api';

export interface FlexitiClientOptions {
  /** The API root from resolveApiRoot(settings, sandboxUrl), or a getter for it. */
  apiRoot: string | (() => string);
  credentials: CredentialSource;
  journal: Journal;
  terminal: TerminalIdentity | (() => TerminalIdentity);
  /** Default `lang` for messages (the customer's language is passed per call where it matters). */
  lang?: Lang | (() => Lang);
  clock?: TokenClock;
  timeouts?: Partial<TransportTimeouts>;
  journalPolicy?: Partial<JournaledPolicy>;
  fetch?: typeof fetch;
}

type Tail<F> = F extends (ctx: ClientContext, flow: FlowContext, ...rest: infer R) => infer Out
  ? (flow: FlowContext, ...rest: R) => Out
  : never;

export class FlexitiClient {
  readonly transport: HttpTransport;
  readonly tokens: TokenManager;
  readonly context: ClientContext;

  constructor(options: FlexitiClientOptions) {
    this.transport = new HttpTransport({
      apiRoot: options.apiRoot,
      timeouts: options.timeouts,
      fetch: options.fetch,
    });
    this.tokens = new TokenManager({
      transport: this.transport,
      credentials: options.credentials,
      clock: options.clock,
    });
    const terminal = options.terminal;
    const lang = options.lang ?? 'en';
    this.context = {
      transport: this.transport,
      tokens: this.tokens,
      journal: options.journal,
      terminal: typeof terminal === 'function' ? terminal : () => terminal,
      lang: typeof lang === 'function' ? lang : () => lang,
      journalPolicy: options.journalPolicy,
    };
  }

  /**
   * A new customer flow: a fresh x-reference-id and request_id, the customer's language for
   * Flexiti's messages, and a token refreshed now so it outlives the flow.
   */
  async startFlow(options: { lang?: Lang } = {}): Promise<FlowContext> {
    const flow = newFlowContext(options.lang);
    await this.tokens.ensureFresh(flow.referenceId);
    return flow;
  }

  /** A flow context without the token refresh (reports, reconciliation, background reads). */
  newFlow(options: { lang?: Lang } = {}): FlowContext {
    return newFlowContext(options.lang);
  }

  /** Settles every unfinished journal entry (start-up, before new work, and on demand). */
  reconcile(options: Omit<ReconcilerOptions, 'context'> = {}): Promise<ReconcileReport> {
    return reconcileJournal({ context: this.context, ...options });
  }

  private bind<F extends (ctx: ClientContext, flow: FlowContext, ...rest: never[]) => unknown>(
    fn: F,
  ): Tail<F> {
    return ((flow: FlowContext, ...rest: never[]) => fn(this.context, flow, ...rest)) as Tail<F>;
  }

  readonly getI18n = this.bind(referenceData.getI18n);
  readonly getTerms = this.bind(referenceData.getTerms);
  readonly searchCustomers = this.bind(customers.searchCustomers);
  readonly lookupCustomer = this.bind(customers.lookupCustomer);
  readonly decodeDriversLicence = this.bind(customers.decodeDriversLicence);
  readonly closeAccount = this.bind(customers.closeAccount);
  readonly verifyAccount = this.bind(verification.verifyAccount);
  readonly calculateInterest = this.bind(pricing.calculateInterest);
  readonly submitApplication = this.bind(applications.submitApplication);
  readonly getApplicationStatus = this.bind(applications.getApplicationStatus);
  readonly authorize = this.bind(transactions.authorize);
  readonly capture = this.bind(transactions.capture);
  readonly release = this.bind(transactions.release);
  readonly returnCapture = this.bind(transactions.returnCapture);
  readonly refund = this.bind(transactions.refund);
  readonly postTransaction = this.bind(transactions.postTransaction);
  readonly listAuthorizations = this.bind(transactions.listAuthorizations);
  readonly getAuthorization = this.bind(transactions.getAuthorization);
  readonly listCaptures = this.bind(transactions.listCaptures);
}

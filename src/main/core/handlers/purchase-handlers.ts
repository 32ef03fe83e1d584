/**
 * Purchases: authorize with the flow's PIN, capture at pickup, release the rest (manager), receipt.
 * A money call whose outcome is unknown is settled through the journal before anything new is sent
 * for the same flow and account, so a second press of "Pay" can never charge twice.
 */
import type { Receipt } from '../../../shared/ipc/channels/purchase';
import type { FlowContext } from '../flexiti/call-runner';
import { FlexitiCallError, isFlexitiCallError, mapFlexitiError } from '../flexiti/flexiti-errors';
import type {
  AuthorizationRecord,
  CaptureRecord,
  ReleaseRecord,
} from '../flexiti/schemas/transaction-schemas';
import type { AuthorizeInput, CaptureInput, ReleaseInput } from '../flexiti/transactions-api';
import type { JournalEntry } from '../journal/journal-types';
import type { AccountFacts } from '../flows/account-facts';
import type { CustomerFlows } from '../flows/customer-flows';
import type { PurchaseRecord, PurchaseRecords } from '../flows/purchase-records';
import type { VerificationPins } from '../flows/verification-pins';
import type { I18nCache } from '../reference-data/i18n-cache';
import { fail } from './app-failure';
import { authorizationView } from './authorization-view';
import type { Handlers } from './handler-types';
import { staffFacing } from '../flows/customer-language';
import { accountOf, employeeOf, factsOf, flowCustomerLanguage, type LookupSource } from './journey-context';
import { receiptLanguages, type ReceiptFormat } from './receipt-languages';
import { skuDataOf, type LineItem } from '../flows/sku-data';
import { financingMessages } from '../../../shared/financing-messages';

export interface PurchaseService extends LookupSource {
  newFlow(): FlowContext;
  authorize(flow: FlowContext, input: AuthorizeInput): Promise<AuthorizationRecord>;
  capture(flow: FlowContext, input: CaptureInput): Promise<CaptureRecord>;
  release(flow: FlowContext, input: ReleaseInput): Promise<ReleaseRecord>;
  getAuthorization(flow: FlowContext, authorizationId: string): Promise<AuthorizationRecord>;
}

export interface ReceiptTerminal {
  locationId: string;
  registerId: string;
  storeProvince: string;
  receiptFormat: ReceiptFormat;
}

export interface PurchaseHandlerDeps {
  client: PurchaseService;
  flows: CustomerFlows;
  facts: AccountFacts;
  pins: VerificationPins;
  records: PurchaseRecords;
  i18n: I18nCache;
  journal: { get(id: string): JournalEntry | undefined };
  /** Settles unfinished journal entries (replay with the same key, or look up). */
  settle: () => Promise<unknown>;
  terminal: () => ReceiptTerminal;
  /** The line items the sales ledger kept for a sale: a receipt after a restart still lists them. */
  storedLineItems?: (authorizationId: string) => LineItem[];
  now?: () => number;
}

type Settled =
  | { kind: 'applied'; authorizationId: string; amountCents: number | undefined }
  | { kind: 'not_applied'; entry: JournalEntry }
  | { kind: 'in_doubt'; entry: JournalEntry | undefined };

/** The codes after which Flexiti has used up or refused the PIN: the cashier must verify again. */
const PIN_SPENT = new Set(['wrong_verification_code', 'not_verified', 'verification_code_required']);

export function createPurchaseHandlers(
  deps: PurchaseHandlerDeps,
): Handlers<'purchase.authorize' | 'purchase.capture' | 'purchase.release' | 'purchase.receipt'> {
  const { client, flows, facts, pins, records, i18n, journal } = deps;
  const now = deps.now ?? Date.now;
  /**
   * Journal entry of an authorization whose outcome is unknown, per account number: a new flow for
   * the same customer must not authorize again before that one is settled.
   */
  const unsettled = new Map<string, string>();
  /** One authorization at a time per flow and account: a double press waits for the first. */
  const inFlight = new Map<string, Promise<{ authorization: ReturnType<typeof authorizationView> }>>();

  async function settle(entryId: string): Promise<Settled> {
    try {
      await deps.settle();
    } catch {
      // Reconciliation failing leaves the entry in doubt, which the answer below says.
    }
    const entry = journal.get(entryId);
    if (!entry) return { kind: 'in_doubt', entry };
    const applied =
      entry.state === 'confirmed' || (entry.state === 'reconciled' && entry.resolution === 'applied');
    if (applied && entry.refs.authorizationId) {
      return {
        kind: 'applied',
        authorizationId: entry.refs.authorizationId,
        amountCents: entry.summary.amountCents,
      };
    }
    if (entry.state === 'failed' || (entry.state === 'reconciled' && entry.resolution === 'not_applied')) {
      return { kind: 'not_applied', entry };
    }
    return { kind: 'in_doubt', entry };
  }

  /** Still unknown: Flexiti answered only with failures (it is down), or nothing came back at all. */
  function failUnsettled(entry: JournalEntry | undefined, entryId: string): never {
    if (entry && entry.lastStatus !== null && entry.lastStatus >= 500) {
      fail('flexiti_down', 'flexiti_unavailable', { supportReference: entryId });
    }
    fail('in_doubt', 'outcome_unknown', { supportReference: entryId });
  }

  /**
   * A mistyped SMS or e-mail PIN can be typed again (Flexiti keeps the PIN until it is used); a PIN
   * main received itself, or a missing verification, means verifying again.
   */
  function pinRefused(flowId: string, accountRef: string, code: string): void {
    if (!PIN_SPENT.has(code)) return;
    const current = pins.get(flowId, accountRef);
    if (
      code === 'wrong_verification_code' &&
      current &&
      (current.method === 'sms' || current.method === 'email')
    ) {
      pins.set(flowId, accountRef, { ...current, pin: null });
    } else {
      pins.drop(flowId, accountRef);
    }
  }

  async function fetchView(record: PurchaseRecord, fallback?: AuthorizationRecord) {
    try {
      const fresh = await client.getAuthorization(record.flow, record.authorizationId);
      record.lastView = authorizationView(fresh, { cardEndingIn: record.cardEndingIn });
    } catch (error) {
      if (!fallback) throw error;
      record.lastView = authorizationView(fallback, { cardEndingIn: record.cardEndingIn });
    }
    records.remember(record);
    return record.lastView;
  }

  /**
   * Flexiti's fee and rate texts come in the call's `lang`: each section of a bilingual receipt asks
   * for its own, so a French section never carries an English sentence. Undefined when Flexiti can't
   * be asked; the receipt then prints the texts it already has.
   */
  async function financingMessagesIn(
    record: PurchaseRecord,
    language: 'en' | 'fr',
    view: ReturnType<typeof authorizationView>,
  ) {
    const clip = (messages: string[]) => messages.slice(0, 20).map((message) => message.slice(0, 1000));
    // The view was just fetched in the flow's language: no second call for that section.
    if (record.flow.lang === language) return clip(financingMessages(view.financing));
    try {
      const fresh = await client.getAuthorization({ ...record.flow, lang: language }, record.authorizationId);
      return clip(
        financingMessages(authorizationView(fresh, { cardEndingIn: record.cardEndingIn }).financing),
      );
    } catch {
      return undefined;
    }
  }

  /** A receipt without its items beats no receipt: a ledger that cannot be read gives none. */
  function storedLineItems(authorizationId: string): LineItem[] {
    try {
      return deps.storedLineItems?.(authorizationId) ?? [];
    } catch {
      return [];
    }
  }

  async function recordFor(authorizationId: string): Promise<PurchaseRecord> {
    const known = records.get(authorizationId);
    if (known) return known;
    // Made before this start of the app: Flexiti still knows it; the card ending is not repeated.
    const flow = client.newFlow();
    const found = await client.getAuthorization(flow, authorizationId);
    const record: PurchaseRecord = {
      authorizationId: found.authorizationId,
      flowId: '',
      flow,
      accountRef: '',
      accountNumber: found.accountNumber ?? '',
      employeeId: found.externalEmployeeId ?? '',
      language: 'en',
      lastView: authorizationView(found, {}),
    };
    records.remember(record);
    return record;
  }

  return {
    'purchase.authorize': async (request, context) => {
      const employeeId = employeeOf(context);
      const key = `${request.flowId}\u0000${request.accountRef}`;
      const running = inFlight.get(key);
      if (running) return running;

      const work = (async () => {
        const { flow, account } = accountOf(flows, request.flowId, request.accountRef);
        const details = await factsOf(client, facts, flow, request.accountRef, account).catch(
          () => undefined,
        );
        const base: Omit<PurchaseRecord, 'authorizationId'> = {
          flowId: request.flowId,
          flow: flow.context,
          accountRef: request.accountRef,
          accountNumber: account.accountNumber,
          employeeId,
          language: flowCustomerLanguage(flow),
          ...(account.cardEndingIn ? { cardEndingIn: account.cardEndingIn } : {}),
          ...(details?.province ? { customerProvince: details.province.toUpperCase() } : {}),
          ...(details?.firstName || details?.lastName
            ? { customerName: [details.firstName, details.lastName].filter(Boolean).join(' ').slice(0, 90) }
            : {}),
          // Kept for the receipt: Flexiti stores sku_data but never gives it back.
          ...(request.lineItems?.length ? { lineItems: request.lineItems } : {}),
        };

        const previous = unsettled.get(account.accountNumber);
        if (previous) {
          const settled = await settle(previous);
          if (settled.kind === 'in_doubt') failUnsettled(settled.entry, previous);
          unsettled.delete(account.accountNumber);
          if (settled.kind === 'applied') {
            // The earlier press went through. Another amount is another sale: say so, never merge.
            if (settled.amountCents !== request.amountCents) {
              fail('needs_action', 'earlier_authorization_applied', {
                supportReference: settled.authorizationId,
              });
            }
            pins.drop(request.flowId, request.accountRef);
            const record: PurchaseRecord = { ...base, authorizationId: settled.authorizationId };
            return { authorization: await fetchView(record) };
          }
        }

        const pin = pins.get(request.flowId, request.accountRef);
        if (!pin || pin.pin === null) fail('needs_action', 'verification_required');

        const input: AuthorizeInput = {
          accountNumber: account.accountNumber,
          amountCents: request.amountCents,
          financing:
            request.financing.kind === 'plan'
              ? {
                  type: 'promotional_purchase',
                  planId: request.financing.planId,
                  term: request.financing.term,
                }
              : { type: 'regular_purchase' },
          autoCapture: request.autoCapture,
          verificationCode: pin.pin,
          employeeId,
          ...(request.orderReference ? { reference: request.orderReference } : {}),
          ...(request.lineItems?.length
            ? {
                skuData: skuDataOf(request.lineItems, {
                  amountCents: request.amountCents,
                  registerId: deps.terminal().registerId,
                }),
              }
            : {}),
        };

        let result: AuthorizationRecord;
        try {
          result = await client.authorize(flow.context, input);
        } catch (error) {
          if (isFlexitiCallError(error) && error.appError.category === 'in_doubt' && error.journalEntryId) {
            const entryId = error.journalEntryId;
            unsettled.set(account.accountNumber, entryId);
            const settled = await settle(entryId);
            if (settled.kind === 'in_doubt') failUnsettled(settled.entry, entryId);
            unsettled.delete(account.accountNumber);
            if (settled.kind === 'not_applied') {
              const { lastStatus, lastErrorCode } = settled.entry;
              if (lastErrorCode) pinRefused(request.flowId, request.accountRef, lastErrorCode);
              throw new FlexitiCallError(
                mapFlexitiError(
                  lastStatus ?? 500,
                  { error: lastErrorCode ?? undefined },
                  flow.context.referenceId,
                ),
                entryId,
              );
            }
            pins.drop(request.flowId, request.accountRef);
            return { authorization: await fetchView({ ...base, authorizationId: settled.authorizationId }) };
          }
          if (isFlexitiCallError(error)) pinRefused(request.flowId, request.accountRef, error.appError.code);
          throw error;
        }
        // Flexiti consumed the PIN: the next purchase verifies again.
        pins.drop(request.flowId, request.accountRef);
        const record: PurchaseRecord = { ...base, authorizationId: result.authorizationId };
        record.lastView = authorizationView(result, {
          cardEndingIn: account.cardEndingIn,
          fallbackAmountCents: request.amountCents,
        });
        records.remember(record);
        return { authorization: record.lastView };
      })();

      inFlight.set(key, work);
      try {
        return await work;
      } finally {
        inFlight.delete(key);
      }
    },

    'purchase.capture': async (request, context) => {
      const employeeId = employeeOf(context);
      const record = await recordFor(request.authorizationId);
      const captured = await client.capture(record.flow, {
        authorizationId: record.authorizationId,
        amountCents: request.amountCents,
        employeeId,
        ...(record.accountNumber ? { accountNumber: record.accountNumber } : {}),
      });
      const authorization = await fetchView(record).catch(() => undefined);
      if (!authorization)
        fail('retryable', 'captured_view_unavailable', { supportReference: captured.captureId });
      return { captureId: captured.captureId, authorization };
    },

    'purchase.release': async (request, context) => {
      const employeeId = employeeOf(context);
      const record = await recordFor(request.authorizationId);
      const before = record.lastView?.releasedCents ?? 0;
      // The cashier's call: Flexiti answers in the terminal's language.
      const released = await client.release(staffFacing(record.flow), {
        authorizationId: record.authorizationId,
        employeeId,
        ...(request.amountCents !== undefined ? { amountCents: request.amountCents } : {}),
        ...(record.accountNumber ? { accountNumber: record.accountNumber } : {}),
      });
      const authorization = await fetchView(record);
      const releasedCents = released.releasedCents ?? Math.max(0, authorization.releasedCents - before);
      return { releasedCents, authorization };
    },

    'purchase.receipt': async (request, context) => {
      const record = await recordFor(request.authorizationId);
      const authorization = await fetchView(record).catch(() => record.lastView);
      if (!authorization) fail('retryable', 'receipt_unavailable');
      const terminal = deps.terminal();
      const quebec = terminal.storeProvince === 'QC' || record.customerProvince === 'QC';
      const languages = receiptLanguages(terminal.receiptFormat, {
        storeProvince: terminal.storeProvince,
        customerProvince: record.customerProvince,
        customerLanguage: record.language,
      });
      const texts: Receipt['texts'] = [];
      for (const language of languages) {
        const planLabel =
          authorization.financing.planId !== undefined
            ? await i18n.textOrUndefined(language, ['plan_ids', String(authorization.financing.planId)])
            : undefined;
        const transactionLabel = await i18n.textOrUndefined(language, [
          'transaction_types',
          authorization.financing.kind === 'regular' ? 'regular_purchase' : 'promotional_purchase',
        ]);
        const disclosure = quebec ? await i18n.textOrUndefined(language, ['qcpa_disclosure']) : undefined;
        const messages = await financingMessagesIn(record, language, authorization);
        texts.push({
          language,
          ...(messages ? { financingMessages: messages } : {}),
          ...(planLabel ? { planLabel: planLabel.slice(0, 200) } : {}),
          ...(transactionLabel ? { transactionLabel: transactionLabel.slice(0, 200) } : {}),
          ...(disclosure ? { quebecDisclosure: disclosure.slice(0, 2000) } : {}),
        });
      }
      const receipt: Receipt = {
        languages,
        locationId: terminal.locationId,
        registerId: terminal.registerId,
        employeeId: (record.employeeId || context.staff?.employeeId || '').slice(0, 50),
        storeProvince: terminal.storeProvince,
        printedAt: new Date(now()).toISOString(),
        authorization,
        texts,
      };
      if (record.flowId) receipt.referenceId = record.flow.referenceId;
      if (record.customerName) receipt.customerName = record.customerName;
      const lineItems = record.lineItems?.length ? record.lineItems : storedLineItems(record.authorizationId);
      if (lineItems.length) receipt.lineItems = lineItems;
      return { receipt };
    },
  };
}

/**
 * The customer's receipt after a return, refund or release: where and by whom, the account's last 4
 * digits, the operation and what remains. A refund's reason and any licence data never go on it.
 */
import type { OperationReceipt } from '../../../shared/ipc/channels/returns';
import type { FlowContext } from '../flexiti/call-runner';
import type { CustomerDetails } from '../flexiti/schemas/customer-schemas';
import type { Sale } from '../sales/sale-search';
import { customerLanguage } from './journey-context';
import { receiptLanguages, type ReceiptFormat } from './receipt-languages';

export interface OperationReceiptTerminal {
  locationId: string;
  registerId: string;
  storeProvince: string;
  receiptFormat: ReceiptFormat;
  /** The terminal's language: the customer's when Flexiti cannot say. */
  language: 'en' | 'fr';
}

export interface CustomerSource {
  newFlow(): FlowContext;
  lookupCustomer(
    flow: FlowContext,
    input: { by: 'account'; accountNumber: string },
  ): Promise<CustomerDetails>;
}

/**
 * The receipt's languages. Only `auto` and `bilingual` outside Quebec depend on the customer, and
 * only then is the customer looked up; a failed lookup falls back to the terminal's language.
 */
export async function operationReceiptLanguages(
  terminal: OperationReceiptTerminal,
  customer: CustomerSource,
  accountNumber: string | undefined,
): Promise<OperationReceipt['languages']> {
  const format = terminal.receiptFormat;
  const needsCustomer =
    terminal.storeProvince !== 'QC' && (format === 'auto' || format === 'bilingual') && !!accountNumber;
  let details: CustomerDetails | undefined;
  if (needsCustomer && accountNumber) {
    details = await customer
      .lookupCustomer(customer.newFlow(), { by: 'account', accountNumber })
      .catch(() => undefined);
  }
  return receiptLanguages(format, {
    storeProvince: terminal.storeProvince,
    customerProvince: details?.province?.trim().toUpperCase().slice(0, 2),
    customerLanguage: customerLanguage(details, terminal.language),
  });
}

export interface OperationFacts {
  kind: OperationReceipt['kind'];
  languages: OperationReceipt['languages'];
  terminal: OperationReceiptTerminal;
  employeeId: string;
  approverId?: string | undefined;
  atMs: number;
  accountLast4?: string | null | undefined;
  /** The sale after the operation, when there is one (an account refund has none). */
  sale?: Sale | null | undefined;
  amountCents: number;
  returnId?: string | undefined;
  captureId?: string | undefined;
  remainingCaptureCents?: number | undefined;
  referenceId?: string | undefined;
  /** A return's items, as the manager listed them. */
  lineItems?: OperationReceipt['lineItems'];
}

export function operationReceipt(facts: OperationFacts): OperationReceipt {
  const { terminal, sale } = facts;
  const receipt: OperationReceipt = {
    kind: facts.kind,
    languages: facts.languages,
    locationId: terminal.locationId.slice(0, 50),
    registerId: terminal.registerId.slice(0, 50),
    storeProvince: terminal.storeProvince,
    employeeId: facts.employeeId,
    at: new Date(Number.isFinite(facts.atMs) ? facts.atMs : Date.now()).toISOString(),
    amountCents: facts.amountCents,
  };
  if (facts.approverId !== undefined) receipt.approverId = facts.approverId;
  if (facts.accountLast4 && /^\d{4}$/.test(facts.accountLast4)) receipt.accountLast4 = facts.accountLast4;
  if (sale) {
    receipt.authorizationId = sale.authorizationId;
    if (sale.reference) receipt.orderReference = sale.reference.slice(0, 40);
    receipt.sale = {
      heldCents: sale.remainingToCaptureCents,
      chargedCents: Math.max(0, sale.capturedCents - sale.returnedCents - sale.refundedCents),
    };
  }
  if (facts.returnId !== undefined) receipt.returnId = facts.returnId;
  if (facts.captureId !== undefined) receipt.captureId = facts.captureId;
  if (facts.remainingCaptureCents !== undefined) receipt.remainingCaptureCents = facts.remainingCaptureCents;
  if (facts.referenceId !== undefined) receipt.referenceId = facts.referenceId;
  if (facts.lineItems && facts.lineItems.length > 0) receipt.lineItems = facts.lineItems;
  return receipt;
}

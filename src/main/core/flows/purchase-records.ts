/**
 * What main remembers about the authorizations made at this terminal since it started: the flow and
 * account behind each one (for captures, releases and receipts). Flexiti stays the source of truth
 * for the amounts; these records only hold what Flexiti's answers do not repeat.
 */
import type { AuthorizationView } from '../../../shared/ipc/channels/purchase';
import type { FlowContext } from '../flexiti/call-runner';
import type { LineItem } from './sku-data';

export interface PurchaseRecord {
  authorizationId: string;
  flowId: string;
  flow: FlowContext;
  accountRef: string;
  accountNumber: string;
  cardEndingIn?: string;
  employeeId: string;
  language: 'en' | 'fr';
  customerProvince?: string;
  customerName?: string;
  /** What was bought, as the cashier entered it (SKU, description, quantity, price): no customer data. */
  lineItems?: LineItem[];
  /** The latest view, for a receipt when Flexiti cannot be asked. */
  lastView?: AuthorizationView;
}

const MAX_RECORDS = 5000;

export class PurchaseRecords {
  private readonly records = new Map<string, PurchaseRecord>();

  remember(record: PurchaseRecord): void {
    this.records.delete(record.authorizationId);
    this.records.set(record.authorizationId, record);
    while (this.records.size > MAX_RECORDS) {
      const oldest = this.records.keys().next();
      if (oldest.done) break;
      this.records.delete(oldest.value);
    }
  }

  get(authorizationId: string): PurchaseRecord | undefined {
    return this.records.get(authorizationId);
  }
}

import type { OperationReceiptTerminal } from './operation-receipt';
import type { ReceiptFormat } from './receipt-languages';

/** The part of the settings a receipt needs. */
export interface TerminalSettings {
  locationId: string;
  registerId: string;
  storeProvince: string;
  language: 'en' | 'fr';
  receipt: { format: ReceiptFormat };
}

/** Where a receipt is made and how it is worded, read from the settings as they are now. */
export function terminalFacts(settings: TerminalSettings): OperationReceiptTerminal {
  return {
    locationId: settings.locationId,
    registerId: settings.registerId,
    storeProvince: settings.storeProvince,
    receiptFormat: settings.receipt.format,
    language: settings.language,
  };
}

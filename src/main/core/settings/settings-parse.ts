/**
 * Field-by-field reading of a settings object (the user file or the provisioning `values`).
 *
 * A hand edit that breaks one field should not throw away the others: each field is checked on
 * its own, valid ones are kept, and every rejected or unknown field is named so the UI can say
 * which one is wrong.
 */
import {
  RECEIPT_FIELDS,
  SETTINGS_FIELDS,
  receiptOptionsSchema,
  settingsFieldSchemas,
  type ReceiptOptions,
  type SettingsLayer,
} from './settings-schema';

export interface ParsedLayer {
  layer: SettingsLayer;
  /** Dotted names of fields present with a value their schema rejects (e.g. `receipt.copies`). */
  invalidFields: string[];
  /** Names of fields this version does not know (a typo or a newer version's setting). */
  unknownFields: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseReceipt(raw: unknown, parsed: ParsedLayer): void {
  if (!isPlainObject(raw)) {
    parsed.invalidFields.push('receipt');
    return;
  }
  const receipt: Partial<ReceiptOptions> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(RECEIPT_FIELDS as readonly string[]).includes(key)) {
      parsed.unknownFields.push(`receipt.${key}`);
      continue;
    }
    const field = key as (typeof RECEIPT_FIELDS)[number];
    const result = receiptOptionsSchema.shape[field].safeParse(value);
    if (result.success && result.data !== undefined) {
      Object.assign(receipt, { [field]: result.data });
    } else {
      parsed.invalidFields.push(`receipt.${field}`);
    }
  }
  if (Object.keys(receipt).length > 0) parsed.layer.receipt = receipt;
}

/** Reads what it can of `raw`; a non-object gives an empty layer with `invalidFields: ['*']`. */
export function parseSettingsLayer(raw: unknown): ParsedLayer {
  const parsed: ParsedLayer = { layer: {}, invalidFields: [], unknownFields: [] };
  if (!isPlainObject(raw)) {
    parsed.invalidFields.push('*');
    return parsed;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(SETTINGS_FIELDS as readonly string[]).includes(key)) {
      parsed.unknownFields.push(key);
      continue;
    }
    if (key === 'receipt') {
      parseReceipt(value, parsed);
      continue;
    }
    const field = key as Exclude<(typeof SETTINGS_FIELDS)[number], 'receipt'>;
    const result = settingsFieldSchemas[field].safeParse(value);
    if (result.success && result.data !== undefined) {
      Object.assign(parsed.layer, { [field]: result.data });
    } else {
      parsed.invalidFields.push(field);
    }
  }
  return parsed;
}

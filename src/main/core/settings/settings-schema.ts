/**
 * Terminal settings: what a checkout terminal needs to know about itself and which Flexiti
 * environment it talks to. Nothing here is secret: credentials live in the OS keychain
 * (see ../credentials), never in settings.
 */
import { z } from 'zod';
import { PROVINCE_CODES } from '../../../shared/provinces';

export const ENVIRONMENTS = ['sandbox', 'mi', 'training', 'production', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const RECEIPT_FORMATS = ['bilingual', 'en', 'fr', 'auto'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Printable ASCII only: these ids go into Flexiti request bodies, which are ASCII (§0A.10, §0A.11). */
const printableAscii = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'printable ASCII only');

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a URL a terminal may send credentials to: https, or plain http on the loopback only. */
export function isAcceptableApiUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  // A user:password in the URL would put a secret into the settings file.
  if (url.username !== '' || url.password !== '') return false;
  if (url.search !== '' || url.hash !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export const customBaseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine(isAcceptableApiUrl, 'https only (plain http on the loopback), no credentials, query or fragment');

export const receiptOptionsSchema = z.object({
  format: z.enum(RECEIPT_FORMATS),
  copies: z.number().int().min(1).max(3),
  // Control characters in a printer name can only come from a hand edit gone wrong.
  printerName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\p{Cc}]+$/u, 'no control characters')
    .optional(),
});
export type ReceiptOptions = z.infer<typeof receiptOptionsSchema>;

/** One schema per field, so a hand-edited file can fall back field by field (see settings-parse.ts). */
export const settingsFieldSchemas = {
  environment: z.enum(ENVIRONMENTS),
  customBaseUrl: customBaseUrlSchema.optional(),
  /** Flexiti's `external_location_id`: must be registered with Flexiti for the merchant. */
  locationId: printableAscii(50),
  registerId: printableAscii(50),
  language: z.enum(LANGUAGES),
  idleLockMinutes: z.number().int().min(1).max(120),
  receipt: receiptOptionsSchema,
  storeProvince: z.enum(PROVINCE_CODES),
} as const;

export type SettingsField = keyof typeof settingsFieldSchemas;
export const SETTINGS_FIELDS = Object.keys(settingsFieldSchemas) as SettingsField[];

export const terminalSettingsSchema = z
  .object(settingsFieldSchemas)
  .strict()
  .superRefine((settings, ctx) => {
    if (settings.environment === 'custom' && settings.customBaseUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['customBaseUrl'],
        message: 'the custom environment needs a base URL',
      });
    }
  });

export type TerminalSettings = z.infer<typeof terminalSettingsSchema>;

export const DEFAULT_SETTINGS: Readonly<TerminalSettings> = Object.freeze({
  // The embedded simulator: a fresh terminal can train staff without touching Flexiti.
  environment: 'sandbox',
  locationId: 'STORE-001',
  registerId: 'REG-01',
  language: 'en',
  idleLockMinutes: 5,
  receipt: Object.freeze({ format: 'auto', copies: 1 }),
  storeProvince: 'ON',
} satisfies TerminalSettings);

/** Receipt sub-fields may be locked one by one; locking `receipt` locks them all. */
export const RECEIPT_FIELDS = ['format', 'copies', 'printerName'] as const;
export type ReceiptField = (typeof RECEIPT_FIELDS)[number];

export const LOCKABLE_FIELDS = [
  ...SETTINGS_FIELDS,
  ...RECEIPT_FIELDS.map((field) => `receipt.${field}` as const),
] as const;
export type LockableField = SettingsField | `receipt.${ReceiptField}`;

export function isLockableField(value: unknown): value is LockableField {
  return typeof value === 'string' && (LOCKABLE_FIELDS as readonly string[]).includes(value);
}

/**
 * A sparse set of settings, as found in the user file or the provisioning file: only the fields
 * that were present and valid.
 */
export type SettingsLayer = Partial<Omit<TerminalSettings, 'receipt'>> & {
  receipt?: Partial<ReceiptOptions>;
};

/** A change asked for by the UI: `null` clears an optional field (customBaseUrl, receipt.printerName). */
export const settingsPatchSchema = z
  .object({
    environment: settingsFieldSchemas.environment,
    customBaseUrl: customBaseUrlSchema.nullable(),
    locationId: settingsFieldSchemas.locationId,
    registerId: settingsFieldSchemas.registerId,
    language: settingsFieldSchemas.language,
    idleLockMinutes: settingsFieldSchemas.idleLockMinutes,
    receipt: z
      .object({
        format: receiptOptionsSchema.shape.format,
        copies: receiptOptionsSchema.shape.copies,
        printerName: z.string().trim().min(1).max(200).nullable(),
      })
      .partial()
      .strict()
      .superRefine((receipt, ctx) => {
        const name = receipt.printerName;
        if (typeof name === 'string' && !receiptOptionsSchema.shape.printerName.safeParse(name).success) {
          ctx.addIssue({ code: 'custom', path: ['printerName'], message: 'invalid printer name' });
        }
      }),
    storeProvince: settingsFieldSchemas.storeProvince,
  })
  .partial()
  .strict();

export type SettingsPatch = z.input<typeof settingsPatchSchema>;

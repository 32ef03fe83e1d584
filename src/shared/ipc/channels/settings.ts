/**
 * Terminal settings, credentials status and the connection test. Credentials go in and never come
 * out: the renderer sees whether they are stored and the client id, never the secret.
 */
import { z } from 'zod';
import { PROVINCE_CODES } from '../../provinces';
import { MANAGER, STAFF, channel } from '../channel';
import { emptyRequest, environmentSchema, languageSchema } from './common';

const receiptFormatSchema = z.enum(['bilingual', 'en', 'fr', 'auto']);

/** The settings as shown; main's settings store holds the authoritative rules. */
export const settingsViewSchema = z.strictObject({
  environment: environmentSchema,
  customBaseUrl: z.string().max(500).optional(),
  locationId: z.string().max(50),
  registerId: z.string().max(50),
  language: languageSchema,
  idleLockMinutes: z.number().int().min(1).max(120),
  receipt: z.strictObject({
    format: receiptFormatSchema,
    copies: z.number().int().min(1).max(3),
    printerName: z.string().max(200).optional(),
  }),
  storeProvince: z.enum(PROVINCE_CODES),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** A change; `null` clears an optional field. Main re-validates with the store's own rules. */
export const settingsPatchRequestSchema = z.strictObject({
  patch: z
    .strictObject({
      environment: environmentSchema,
      customBaseUrl: z.string().max(500).nullable(),
      locationId: z.string().max(50),
      registerId: z.string().max(50),
      language: languageSchema,
      idleLockMinutes: z.number().int().min(1).max(120),
      receipt: z
        .strictObject({
          format: receiptFormatSchema,
          copies: z.number().int().min(1).max(3),
          printerName: z.string().max(200).nullable(),
        })
        .partial(),
      storeProvince: z.enum(PROVINCE_CODES),
    })
    .partial(),
});

const settingsResponse = z.strictObject({
  settings: settingsViewSchema,
  /** Fields the machine's provisioning locks (dotted for receipt options). */
  locked: z.array(z.string().max(40)).max(40),
});

export const credentialsStatusSchema = z.strictObject({
  environment: environmentSchema,
  /** `demo`: the sandbox's public demo merchant, no keychain needed. */
  state: z.enum(['stored', 'missing', 'demo', 'keychain_unavailable']),
  /** The client id is not a secret; it is shown so staff can check the right merchant is set. */
  clientId: z.string().max(100).optional(),
});

export const settingsChannels = {
  'settings.get': channel({ request: emptyRequest, response: settingsResponse, roles: STAFF }),
  'settings.update': channel({
    request: settingsPatchRequestSchema,
    response: settingsResponse,
    roles: MANAGER,
  }),
  'credentials.status': channel({ request: emptyRequest, response: credentialsStatusSchema, roles: MANAGER }),
  'credentials.replace': channel({
    request: z.strictObject({
      clientId: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[\x21-\x7E]+$/),
      clientSecret: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\x21-\x7E]+$/),
    }),
    response: credentialsStatusSchema,
    roles: MANAGER,
  }),
  /** Asks Flexiti's token endpoint for a token with the stored credentials; the token is not returned. */
  'connection.test': channel({
    request: emptyRequest,
    response: z.strictObject({
      environment: environmentSchema,
      reachable: z.literal(true),
      latencyMs: z.number().int().min(0),
    }),
    roles: MANAGER,
  }),
};

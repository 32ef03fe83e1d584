/** What the vault accepts: checked before anything reaches the keychain. */
import { z } from 'zod';

export const VAULT_ENVIRONMENTS = ['mi', 'training', 'production', 'custom', 'sandbox'] as const;
export const vaultEnvironmentSchema = z.enum(VAULT_ENVIRONMENTS);
export type VaultEnvironment = z.infer<typeof vaultEnvironmentSchema>;

/**
 * Flexiti's client_id and client_secret are ASCII strings of up to 100 characters (the token form).
 * Spaces are refused: in the path's client_id they could only come from a bad paste.
 */
const asciiKey = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces');

export const merchantCredentialsSchema = z.object({ clientId: asciiKey, clientSecret: asciiKey }).strict();
export type MerchantCredentials = z.infer<typeof merchantCredentialsSchema>;

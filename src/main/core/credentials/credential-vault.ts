/**
 * The merchant's Flexiti keys (client_id, client_secret) per environment, and the journal's
 * encryption key, in the OS keychain and nowhere else. Main process only: no IPC channel returns
 * what `readCredentials` gives; the UI sees `status`.
 *
 * Keychain layout (services under `flexiti-in-store/`):
 *   `<prefix>/<env>`     account `merchant`        password `{"clientId":…,"clientSecret":…}`
 *   `<prefix>/journal`   account `journal-key-v1`  password base64 of 32 random bytes
 *   `<prefix>/probe`     account `probe`           password `unlocked` (see `confirmMiss`)
 * One item per environment makes a rotation a single atomic replace, and lets `status` find the
 * client id without keytar's find* calls, which crash the process on a locked collection.
 *
 * Every keychain call has a timeout: a locked keyring can hold a D-Bus call for minutes while it
 * waits for an unlock prompt nobody will answer.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  merchantCredentialsSchema,
  vaultEnvironmentSchema,
  type MerchantCredentials,
  type VaultEnvironment,
} from './credential-schema';
import { loadKeytar, type Keychain } from './keychain';
import { VaultError, toVaultError } from './vault-error';

export type { MerchantCredentials, VaultEnvironment } from './credential-schema';
export { VaultError, type VaultErrorCode } from './vault-error';

export interface CredentialStatus {
  stored: boolean;
  clientId?: string;
}

export interface CredentialVault {
  /** Safe to show: never the secret. */
  status(env: VaultEnvironment): Promise<CredentialStatus>;
  /** For the token manager only. Null when nothing is stored for `env`. */
  readCredentials(env: VaultEnvironment): Promise<MerchantCredentials | null>;
  /** Stores or replaces (rotation) the credentials of `env`. */
  storeCredentials(env: VaultEnvironment, credentials: MerchantCredentials): Promise<void>;
  /** Removes the credentials of `env`; nothing stored is not an error. */
  deleteCredentials(env: VaultEnvironment): Promise<void>;
  /** 32 random bytes for the local journal, created on first use and kept in the keychain. */
  getOrCreateJournalKey(): Promise<Buffer>;
}

export interface KeychainVaultOptions {
  /** Service-name prefix; tests use a unique one per run. Default `flexiti-in-store`. */
  servicePrefix?: string;
  /** Per keychain call. Default 5 s. */
  timeoutMs?: number;
  /** Default: keytar, loaded on first use. */
  keychain?: Keychain | (() => Promise<Keychain>);
  /**
   * A timed-out call still occupies a libuv worker thread until the keychain answers. Past this
   * many of them, calls fail at once with `keychain_timeout` rather than pile up. Default 2.
   */
  maxStalledCalls?: number;
}

export const DEFAULT_SERVICE_PREFIX = 'flexiti-in-store';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000;

const MERCHANT_ACCOUNT = 'merchant';
const JOURNAL_ACCOUNT = 'journal-key-v1';
const PROBE_ACCOUNT = 'probe';
const JOURNAL_KEY_BYTES = 32;

const storedCredentialsSchema = z.string().transform((text, ctx) => {
  try {
    return merchantCredentialsSchema.parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'malformed' });
    return z.NEVER;
  }
});

function parseEnvironment(env: unknown): VaultEnvironment {
  const parsed = vaultEnvironmentSchema.safeParse(env);
  if (!parsed.success) throw new VaultError('invalid_credentials', 'unknown environment');
  return parsed.data;
}

export function createKeychainVault(options: KeychainVaultOptions = {}): CredentialVault {
  const prefix = options.servicePrefix ?? DEFAULT_SERVICE_PREFIX;
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const maxStalled = options.maxStalledCalls ?? 2;
  const source = options.keychain ?? loadKeytar;
  const getKeychain = typeof source === 'function' ? source : () => Promise.resolve(source);

  let stalled = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs one keychain call under the timeout; `secrets` are cut out of any error text. */
  async function call<T>(
    run: (keychain: Keychain) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    if (stalled >= maxStalled)
      throw new VaultError('keychain_timeout', 'earlier keychain calls still unanswered');
    let keychain: Keychain;
    try {
      keychain = await getKeychain();
    } catch (error) {
      throw new VaultError('keychain_unavailable', toVaultError(error, secrets).detail);
    }
    // Through a promise, so a synchronous throw from the native module is handled like a rejection.
    const pending = Promise.resolve().then(() => run(keychain));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        stalled += 1;
        // Count the call as stalled until the keychain finally answers, whatever it says.
        pending.then(
          () => (stalled -= 1),
          () => (stalled -= 1),
        );
        reject(new VaultError('keychain_timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([pending, timeout]);
    } catch (error) {
      throw toVaultError(error, secrets);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Changes run one at a time, so a rotation and a delete cannot interleave. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  }

  /**
   * On a locked Secret Service collection, reads answer "nothing stored" and deletes answer
   * "nothing deleted" instead of failing (libsecret's unlock prompt fails or is dismissed). Only a
   * write reports the lock, so a miss is confirmed by writing a harmless probe item.
   */
  async function confirmMiss(): Promise<void> {
    await call((keychain) => keychain.setPassword(`${prefix}/probe`, PROBE_ACCOUNT, 'unlocked'));
  }

  async function readStored(env: VaultEnvironment): Promise<MerchantCredentials | null> {
    const text = await call((keychain) => keychain.getPassword(`${prefix}/${env}`, MERCHANT_ACCOUNT));
    if (text === null) {
      await confirmMiss();
      return null;
    }
    const parsed = storedCredentialsSchema.safeParse(text);
    if (!parsed.success) {
      throw new VaultError(
        'invalid_credentials',
        'the stored entry is malformed; store the credentials again',
      );
    }
    return parsed.data;
  }

  async function readJournalKey(): Promise<Buffer | null> {
    const text = await call((keychain) => keychain.getPassword(`${prefix}/journal`, JOURNAL_ACCOUNT));
    if (text === null) return null;
    const key = Buffer.from(text, 'base64');
    if (key.length !== JOURNAL_KEY_BYTES || key.toString('base64') !== text) {
      // Never replace it: the journal's encrypted bodies would become unreadable.
      throw new VaultError('invalid_credentials', 'the stored journal key is malformed');
    }
    return key;
  }

  return {
    async status(env) {
      const credentials = await readStored(parseEnvironment(env));
      return credentials === null ? { stored: false } : { stored: true, clientId: credentials.clientId };
    },

    readCredentials(env) {
      return readStored(parseEnvironment(env));
    },

    storeCredentials(env, credentials) {
      const target = parseEnvironment(env);
      const parsed = merchantCredentialsSchema.safeParse(credentials);
      if (!parsed.success) {
        // Name the field only: the rejected value may be the secret itself.
        const fields = [
          ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'credentials')),
        ];
        return Promise.reject(new VaultError('invalid_credentials', `invalid ${fields.join(', ')}`));
      }
      const { clientId, clientSecret } = parsed.data;
      const text = JSON.stringify({ clientId, clientSecret });
      return exclusive(async () => {
        await call(
          (keychain) => keychain.setPassword(`${prefix}/${target}`, MERCHANT_ACCOUNT, text),
          [clientSecret, text],
        );
      });
    },

    deleteCredentials(env) {
      const target = parseEnvironment(env);
      return exclusive(async () => {
        const deleted = await call((keychain) =>
          keychain.deletePassword(`${prefix}/${target}`, MERCHANT_ACCOUNT),
        );
        if (!deleted) await confirmMiss();
      });
    },

    getOrCreateJournalKey() {
      return exclusive(async () => {
        const existing = await readJournalKey();
        if (existing !== null) return existing;
        // On a locked collection the read above says "nothing"; this write then fails as locked.
        const key = randomBytes(JOURNAL_KEY_BYTES);
        const text = key.toString('base64');
        await call((keychain) => keychain.setPassword(`${prefix}/journal`, JOURNAL_ACCOUNT, text), [text]);
        // Read back: the key must be retrievable before the journal encrypts anything with it.
        const stored = await readJournalKey();
        if (stored === null || !stored.equals(key)) {
          throw new VaultError('keychain_unavailable', 'the journal key did not read back');
        }
        return stored;
      });
    },
  };
}

/**
 * The credentials as the handlers see them: status and replacement for the configured environment,
 * and the connection test. The sandbox environment uses the simulator's public demo merchant, which
 * needs no keychain; every other environment reads the OS keychain through the vault.
 */
import { DEMO } from '../../../sandbox/state/demo-data';
import { fail } from '../handlers/app-failure';
import type { CredentialsService, CredentialsStatus } from '../handlers/settings-handlers';
import type { HttpTransport } from '../flexiti/http-transport';
import { TokenManager, type ClientCredentials, type CredentialSource } from '../flexiti/token-manager';
import type { SettingsStore } from '../settings/settings-store';
import type { CredentialVault } from './credential-vault';
import { VaultError } from './vault-error';

export const DEMO_CREDENTIALS: Readonly<ClientCredentials> = Object.freeze({
  clientId: DEMO.merchants.demo.clientId,
  clientSecret: DEMO.merchants.demo.clientSecret,
});

/** Where the token manager gets the credentials of the environment configured right now. */
export function credentialSourceFor(settings: SettingsStore, vault: CredentialVault): CredentialSource {
  return async () => {
    const environment = settings.get().environment;
    if (environment === 'sandbox') return { ...DEMO_CREDENTIALS };
    return vault.readCredentials(environment);
  };
}

/** Where a connection test sends its token request, and with which credentials. */
export interface ConnectionProbeTarget {
  transport: HttpTransport;
  credentials: CredentialSource;
}

export interface CredentialsServiceDeps {
  settings: SettingsStore;
  vault: CredentialVault;
  /** The saved environment's address and credentials (see app-core: it may differ from the running one). */
  probeTarget: () => ConnectionProbeTarget;
  /** Called after a replacement: the held token belongs to the old credentials. */
  onReplaced: () => void;
}

export function createCredentialsService(deps: CredentialsServiceDeps): CredentialsService {
  async function status(): Promise<CredentialsStatus> {
    const environment = deps.settings.get().environment;
    if (environment === 'sandbox') return { environment, state: 'demo', clientId: DEMO_CREDENTIALS.clientId };
    try {
      const stored = await deps.vault.status(environment);
      return stored.stored
        ? { environment, state: 'stored', ...(stored.clientId ? { clientId: stored.clientId } : {}) }
        : { environment, state: 'missing' };
    } catch (error) {
      if (error instanceof VaultError) return { environment, state: 'keychain_unavailable' };
      throw error;
    }
  }

  return {
    status,

    async replace(credentials) {
      const environment = deps.settings.get().environment;
      if (environment === 'sandbox') fail('needs_action', 'demo_credentials_fixed');
      try {
        await deps.vault.storeCredentials(environment, credentials);
      } catch (error) {
        if (!(error instanceof VaultError)) throw error;
        if (error.code === 'invalid_credentials') fail('needs_action', 'invalid_credentials');
        fail('needs_action', 'credentials_unavailable');
      }
      deps.onReplaced();
      return status();
    },

    async testConnection() {
      // A separate token manager: the test must not replace the token a flow is using.
      const probe = new TokenManager(deps.probeTarget());
      const started = performance.now();
      await probe.session();
      return { latencyMs: Math.max(0, Math.round(performance.now() - started)) };
    },
  };
}

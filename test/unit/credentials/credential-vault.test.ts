/**
 * Vault behaviour that a real keychain cannot be made to show on demand (a call that never
 * answers, odd errors), over a stand-in for the keychain library. The real keychain is exercised
 * in test/integration/credential-vault.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Keychain } from '../../../src/main/core/credentials/keychain';
import { createKeychainVault } from '../../../src/main/core/credentials/credential-vault';
import { VaultError } from '../../../src/main/core/credentials/vault-error';

class MemoryKeychain implements Keychain {
  readonly items = new Map<string, string>();
  calls = 0;
  hang = false;
  failWith: string | null = null;

  private run<T>(action: () => T): Promise<T> {
    this.calls += 1;
    if (this.hang) return new Promise<T>(() => undefined);
    if (this.failWith !== null) return Promise.reject(new Error(this.failWith));
    return Promise.resolve(action());
  }
  getPassword(service: string, account: string) {
    return this.run(() => this.items.get(`${service}|${account}`) ?? null);
  }
  setPassword(service: string, account: string, password: string) {
    return this.run(() => void this.items.set(`${service}|${account}`, password));
  }
  deletePassword(service: string, account: string) {
    return this.run(() => this.items.delete(`${service}|${account}`));
  }
}

async function vaultError(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

describe('credential vault (keychain stand-in)', () => {
  it('turns a call that never answers into keychain_timeout after the configured time', async () => {
    const keychain = new MemoryKeychain();
    keychain.hang = true;
    const vault = createKeychainVault({ keychain, timeoutMs: 50 });
    const started = Date.now();
    const error = await vaultError(vault.readCredentials('production'));
    expect(error.code).toBe('keychain_timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('fails fast once too many calls are stuck, instead of piling up worker threads', async () => {
    const keychain = new MemoryKeychain();
    keychain.hang = true;
    const vault = createKeychainVault({ keychain, timeoutMs: 20, maxStalledCalls: 2 });
    await vaultError(vault.status('mi'));
    await vaultError(vault.status('mi'));
    const callsBefore = keychain.calls;
    const error = await vaultError(vault.status('mi'));
    expect(error.code).toBe('keychain_timeout');
    expect(keychain.calls).toBe(callsBefore);
  });

  it('maps a library failure to a typed error without the secret in it', async () => {
    const keychain = new MemoryKeychain();
    const secret = 'sekret-77xde15a';
    keychain.failWith = `Cannot create an item in a locked collection (${secret})`;
    const vault = createKeychainVault({ keychain });
    const error = await vaultError(
      vault.storeCredentials('training', { clientId: 'flexitidemo', clientSecret: secret }),
    );
    expect(error.code).toBe('keychain_locked');
    expect(error.message).not.toContain(secret);
  });

  it('reports keychain_unavailable when the keychain library cannot be loaded', async () => {
    const vault = createKeychainVault({
      keychain: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    expect((await vaultError(vault.status('mi'))).code).toBe('keychain_unavailable');
  });

  it('refuses a stored entry that is not valid credentials', async () => {
    const keychain = new MemoryKeychain();
    keychain.items.set('flexiti-in-store/mi|merchant', '{"clientId":"x"}');
    const vault = createKeychainVault({ keychain });
    expect((await vaultError(vault.readCredentials('mi'))).code).toBe('invalid_credentials');
  });

  it('never calls the keychain for invalid input', async () => {
    const keychain = new MemoryKeychain();
    const vault = createKeychainVault({ keychain });
    await vaultError(vault.storeCredentials('mi', { clientId: 'ok', clientSecret: 'x'.repeat(101) }));
    await vaultError(vault.storeCredentials('mi', { clientId: 'ok', clientSecret: '' }));
    expect(keychain.calls).toBe(0);
  });
});

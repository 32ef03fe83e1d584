/**
 * A fresh core per test file: its own data directory, the embedded sandbox, and an in-memory stand-in
 * for the OS keychain (the keychain is the operating system's, not ours; the vault code is real).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeychainVault } from '../../../src/main/core/credentials/credential-vault';
import type { Keychain } from '../../../src/main/core/credentials/keychain';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../src/main/core/app-core';
import { silentLogger } from '../../../src/main/core/logging/logger';

export function memoryKeychain(): Keychain {
  const items = new Map<string, string>();
  return {
    getPassword: async (service, account) => items.get(`${service}\u0000${account}`) ?? null,
    setPassword: async (service, account, password) => {
      items.set(`${service}\u0000${account}`, password);
    },
    deletePassword: async (service, account) => items.delete(`${service}\u0000${account}`),
  };
}

export interface CoreHarness {
  core: AppCore;
  dataDir: string;
  dispose(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'flexiti-core-'));
}

export async function startCore(overrides: Partial<AppCoreOptions> = {}): Promise<CoreHarness> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const core = await createAppCore({
    dataDir,
    provisioningFile: join(dataDir, 'no-provisioning.json'),
    vault: createKeychainVault({ keychain: memoryKeychain(), servicePrefix: 'flexiti-in-store-test' }),
    logger: silentLogger,
    ...overrides,
  });
  await core.ready;
  return {
    core,
    dataDir,
    async dispose() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

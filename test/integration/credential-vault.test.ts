/**
 * The credential vault against the real OS keychain: the Secret Service (gnome-keyring) of the
 * D-Bus session this test runs in. Service names carry a unique prefix per run, and everything the
 * run stores is removed at the end.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createKeychainVault,
  type MerchantCredentials,
  type VaultEnvironment,
} from '../../src/main/core/credentials/credential-vault';
import { VaultError } from '../../src/main/core/credentials/vault-error';

const HOW_TO_RUN =
  "credential-vault: skipped, no D-Bus session. Run: dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run test/integration/credential-vault.test.ts'";

// The Secret Service is Linux's keychain; other systems' keychains are not exercised here.
const hasBus = process.platform === 'linux' && Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasBus) console.warn(HOW_TO_RUN);

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canIsolate = ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'].every(hasCommand);

const prefix = `flexiti-in-store-test-${randomBytes(6).toString('hex')}`;
const ENVIRONMENTS: VaultEnvironment[] = ['mi', 'training', 'production', 'custom', 'sandbox'];
const TIMEOUT_MS = 3_000;

const first: MerchantCredentials = {
  clientId: 'flexitidemo',
  clientSecret: `s1-${randomBytes(12).toString('hex')}`,
};
const rotated: MerchantCredentials = {
  clientId: 'flexitidemo-2',
  clientSecret: `s2-${randomBytes(12).toString('hex')}`,
};

async function vaultError(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VaultError);
    return error as VaultError;
  }
  throw new Error('expected a VaultError');
}

describe.skipIf(!hasBus)('credential vault on the real keychain', () => {
  const vault = createKeychainVault({ servicePrefix: prefix, timeoutMs: TIMEOUT_MS });

  afterAll(async () => {
    for (const env of ENVIRONMENTS) await keytar.deletePassword(`${prefix}/${env}`, 'merchant');
    await keytar.deletePassword(`${prefix}/journal`, 'journal-key-v1');
    await keytar.deletePassword(`${prefix}/probe`, 'probe');
  });

  it('reports nothing stored for a fresh environment', async () => {
    expect(await vault.status('training')).toEqual({ stored: false });
    expect(await vault.readCredentials('training')).toBeNull();
  });

  it('stores, reads, rotates and deletes, showing the client id but never the secret', async () => {
    await vault.storeCredentials('training', first);
    expect(await vault.readCredentials('training')).toEqual(first);
    const status = await vault.status('training');
    expect(status).toEqual({ stored: true, clientId: 'flexitidemo' });
    expect(JSON.stringify(status)).not.toContain(first.clientSecret);

    await vault.storeCredentials('training', rotated);
    expect(await vault.readCredentials('training')).toEqual(rotated);
    // A second vault (a restart) reads what the first stored.
    expect(await createKeychainVault({ servicePrefix: prefix }).readCredentials('training')).toEqual(rotated);

    await vault.deleteCredentials('training');
    expect(await vault.status('training')).toEqual({ stored: false });
    expect(await vault.readCredentials('training')).toBeNull();
    // Deleting what is not there is fine.
    await vault.deleteCredentials('training');
  });

  it('keeps each environment apart', async () => {
    await vault.storeCredentials('mi', first);
    await vault.storeCredentials('production', rotated);
    expect(await vault.readCredentials('mi')).toEqual(first);
    expect(await vault.readCredentials('production')).toEqual(rotated);
    expect(await vault.readCredentials('training')).toBeNull();
    expect(await vault.readCredentials('custom')).toBeNull();

    await vault.deleteCredentials('mi');
    expect(await vault.readCredentials('mi')).toBeNull();
    expect(await vault.readCredentials('production')).toEqual(rotated);
    // A different prefix is a different vault.
    expect(
      await createKeychainVault({ servicePrefix: `${prefix}-other` }).readCredentials('production'),
    ).toBeNull();
    await createKeychainVault({ servicePrefix: `${prefix}-other` })
      .deleteCredentials('production')
      .finally(() => keytar.deletePassword(`${prefix}-other/probe`, 'probe'));
  });

  it('stores the secret as given, in the keychain item of its environment', async () => {
    await vault.storeCredentials('custom', first);
    const raw = await keytar.getPassword(`${prefix}/custom`, 'merchant');
    expect(raw).not.toBeNull();
    expect(JSON.parse(raw ?? 'null')).toEqual(first);
  });

  it('refuses invalid credentials before touching the keychain, without echoing them', async () => {
    const tooLong = 'x'.repeat(101);
    const cases: MerchantCredentials[] = [
      { clientId: '', clientSecret: 'abc' },
      { clientId: 'abc', clientSecret: '' },
      { clientId: 'abc', clientSecret: tooLong },
      { clientId: 'abc', clientSecret: 'sécret' },
      { clientId: 'with space', clientSecret: 'abc' },
    ];
    for (const credentials of cases) {
      const error = await vaultError(vault.storeCredentials('sandbox', credentials));
      expect(error.code).toBe('invalid_credentials');
      expect(error.message).not.toContain(tooLong);
      expect(error.message).not.toContain('sécret');
    }
    expect(await vault.readCredentials('sandbox')).toBeNull();
    const badEnv = await vaultError(vault.status('staging' as VaultEnvironment));
    expect(badEnv.code).toBe('invalid_credentials');
  });

  it('creates the journal key once and gives the same 32 bytes to every vault instance', async () => {
    const key = await vault.getOrCreateJournalKey();
    expect(key).toHaveLength(32);
    expect(key.equals(Buffer.alloc(32))).toBe(false);
    expect((await vault.getOrCreateJournalKey()).equals(key)).toBe(true);
    const restarted = createKeychainVault({ servicePrefix: prefix });
    expect((await restarted.getOrCreateJournalKey()).equals(key)).toBe(true);
    // Two concurrent first calls get the same key: changes run one at a time.
    const fresh = createKeychainVault({ servicePrefix: `${prefix}-fresh` });
    const [a, b] = await Promise.all([fresh.getOrCreateJournalKey(), fresh.getOrCreateJournalKey()]);
    expect(a.equals(b)).toBe(true);
    await keytar.deletePassword(`${prefix}-fresh/journal`, 'journal-key-v1');
  });

  it('refuses a malformed journal key instead of replacing it', async () => {
    const other = `${prefix}-badkey`;
    await keytar.setPassword(`${other}/journal`, 'journal-key-v1', 'not-a-key');
    try {
      const error = await vaultError(createKeychainVault({ servicePrefix: other }).getOrCreateJournalKey());
      expect(error.code).toBe('invalid_credentials');
      expect(await keytar.getPassword(`${other}/journal`, 'journal-key-v1')).toBe('not-a-key');
    } finally {
      await keytar.deletePassword(`${other}/journal`, 'journal-key-v1');
    }
  });
});

type Outcome = { ok: boolean; ms: number; code?: string; message?: string; value?: unknown };
type ChildReport = {
  outcomes: Record<string, Outcome>;
  lockedBefore?: boolean;
  setup?: Record<string, Outcome>;
};

/** Runs credential-vault.child.ts; `isolated` gives it a private D-Bus session and keyring. */
function runChild(
  scenario: 'locked' | 'no-bus',
  mode: 'isolated-unlocked' | 'isolated-no-keyring' | 'no-bus',
): Promise<{ report: ChildReport; output: string }> {
  const home = mkdtempSync(join(tmpdir(), 'vault-child-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const child = join(import.meta.dirname, 'credential-vault.child.ts');
  const node = `exec "${process.execPath}" --import tsx "${child}" ${scenario} ${prefix}-child ${TIMEOUT_MS}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_RUNTIME_DIR: runtime,
  };
  const [command, args] =
    mode === 'no-bus'
      ? ['sh', ['-c', node]]
      : [
          'dbus-run-session',
          [
            '--',
            'sh',
            '-c',
            mode === 'isolated-unlocked'
              ? `echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${node}`
              : node,
          ],
        ];
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args as string[], {
      env,
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.on('close', () => {
      clearTimeout(killer);
      rmSync(home, { recursive: true, force: true });
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (!line) reject(new Error(`child gave no report; stderr: ${stderr.slice(-2000)}`));
      else resolve({ report: JSON.parse(line) as ChildReport, output: stdout + stderr });
    });
  });
}

const CALLS = ['status', 'readCredentials', 'storeCredentials', 'deleteCredentials', 'getOrCreateJournalKey'];

describe.skipIf(!hasBus || !canIsolate)('credential vault when the keychain cannot serve', () => {
  it('fails every call as locked (or timed out) within the timeout when the collection is locked', async () => {
    const { report, output } = await runChild('locked', 'isolated-unlocked');
    expect(report.setup?.store?.ok).toBe(true);
    expect(report.setup?.journal?.ok).toBe(true);
    expect(report.lockedBefore).toBe(true);
    for (const call of CALLS) {
      const outcome = report.outcomes[call];
      // A locked keychain must never read as "nothing stored" (null) or "deleted".
      expect(outcome?.ok, call).toBe(false);
      expect(['keychain_locked', 'keychain_timeout'], call).toContain(outcome?.code);
      expect(outcome?.ms, call).toBeLessThan(TIMEOUT_MS * 3 + 1_000);
    }
    expect(output).not.toContain('child-secret-0f3a9c');
  });

  it('reports keychain_unavailable when the bus has no keyring to store into', async () => {
    const { report } = await runChild('no-bus', 'isolated-no-keyring');
    for (const call of CALLS) {
      expect(report.outcomes[call]?.ok, call).toBe(false);
      expect(report.outcomes[call]?.code, call).toBe('keychain_unavailable');
    }
  });
});

describe.skipIf(!hasBus)('credential vault without a D-Bus session', () => {
  it('reports keychain_unavailable for every call, quickly', async () => {
    const { report } = await runChild('no-bus', 'no-bus');
    for (const call of CALLS) {
      expect(report.outcomes[call]?.ok, call).toBe(false);
      expect(report.outcomes[call]?.code, call).toBe('keychain_unavailable');
      expect(report.outcomes[call]?.ms, call).toBeLessThan(TIMEOUT_MS);
    }
  });
});

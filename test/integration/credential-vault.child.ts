/**
 * Runs vault calls in a process of its own, for the cases the test cannot create in its own
 * process: a keychain locked mid-run (in a private D-Bus session and keyring, so the shared one
 * stays unlocked) and no D-Bus session at all (libsecret keeps its bus connection per process).
 *
 * Usage: credential-vault.child.ts <locked|no-bus> <service-prefix> <timeout-ms>
 * Prints one JSON line: { outcomes: { [call]: { ok, code?, ms } }, lockedBefore? }.
 */
import { execFileSync } from 'node:child_process';
import { createKeychainVault } from '../../src/main/core/credentials/credential-vault';
import { VaultError } from '../../src/main/core/credentials/vault-error';

type Outcome =
  { ok: true; ms: number; value?: unknown } | { ok: false; ms: number; code: string; message: string };

const [scenario, servicePrefix = 'flexiti-in-store-child', timeoutText = '3000'] = process.argv.slice(2);
const timeoutMs = Number(timeoutText);
const vault = createKeychainVault({ servicePrefix, timeoutMs });
const credentials = { clientId: 'child-client', clientSecret: 'child-secret-0f3a9c' };

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  const started = Date.now();
  try {
    const value = await run();
    // Only the shape is reported: a secret never leaves this process.
    const shown = value === null || value === undefined ? value : typeof value;
    return { ok: true, ms: Date.now() - started, value: shown };
  } catch (error) {
    const ms = Date.now() - started;
    if (error instanceof VaultError) return { ok: false, ms, code: error.code, message: error.message };
    return { ok: false, ms, code: 'unexpected', message: String(error) };
  }
}

function collectionLocked(): boolean {
  const out = execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets/aliases/default',
      '--method',
      'org.freedesktop.DBus.Properties.Get',
      'org.freedesktop.Secret.Collection',
      'Locked',
    ],
    { encoding: 'utf8' },
  );
  return out.includes('true');
}

/** Secret Service `Lock` on the default collection: what a screen lock or `secret-tool lock` does. */
function lockDefaultCollection(): void {
  execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      "[objectpath '/org/freedesktop/secrets/aliases/default']",
    ],
    { stdio: 'ignore' },
  );
}

async function allCalls(): Promise<Record<string, Outcome>> {
  return {
    status: await attempt(() => vault.status('training')),
    readCredentials: await attempt(() => vault.readCredentials('training')),
    storeCredentials: await attempt(() => vault.storeCredentials('training', credentials)),
    deleteCredentials: await attempt(() => vault.deleteCredentials('training')),
    getOrCreateJournalKey: await attempt(() => vault.getOrCreateJournalKey()),
  };
}

async function main(): Promise<void> {
  if (scenario === 'locked') {
    const setup = {
      store: await attempt(() => vault.storeCredentials('training', credentials)),
      journal: await attempt(() => vault.getOrCreateJournalKey()),
    };
    lockDefaultCollection();
    const lockedBefore = collectionLocked();
    const outcomes = await allCalls();
    process.stdout.write(`${JSON.stringify({ setup, lockedBefore, outcomes })}\n`);
  } else if (scenario === 'no-bus') {
    process.stdout.write(`${JSON.stringify({ outcomes: await allCalls() })}\n`);
  } else {
    throw new Error(`unknown scenario ${String(scenario)}`);
  }
}

main().then(
  // keytar's worker threads may still wait on D-Bus: leave without waiting for them.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);

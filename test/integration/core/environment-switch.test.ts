/**
 * Changing the Flexiti environment while the terminal runs: the real core against two real sandboxes
 * over HTTP and the real OS keychain. The core keeps talking to the environment it started in, refuses
 * money and customer calls until a restart (only the connection test's token request reaches the new
 * address), and a fresh core on the saved settings uses the live records and the new address.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/main/core/app-core';
import { createKeychainVault } from '../../../src/main/core/credentials/credential-vault';
import type { Sender } from '../../../src/main/core/handlers/handler-types';
import { silentLogger } from '../../../src/main/core/logging/logger';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import type { AppError } from '../../../src/shared/app-error';
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../../src/shared/ipc/contract';
import { ipcResultSchema, type IpcResult } from '../../../src/shared/ipc/result';

const IPC: Sender = { kind: 'ipc', trusted: true };
const MANAGER = { employeeId: DEMO.merchants.demo.employees.manager, name: 'Mia Manager', pin: '73915824' };
const ACCOUNT = String(DEMO.accounts.johnSmith.accountNumber);

const hasBus = process.platform === 'linux' && Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
if (!hasBus) {
  console.warn(
    "environment-switch: skipped, no D-Bus session. Run: dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run test/integration/core/environment-switch.test.ts'",
  );
}

const prefix = `flexiti-in-store-test-${randomBytes(6).toString('hex')}`;
const vault = createKeychainVault({ servicePrefix: prefix });

let demoSandbox: RunningSandbox;
let liveSandbox: RunningSandbox;
let dataDir: string;
let core: AppCore;

async function call<C extends Channel>(
  on: AppCore,
  channel: C,
  payload: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  const result = await on.handle(channel, payload, IPC);
  const parsed = ipcResultSchema(contract[channel].response).safeParse(result);
  expect(parsed.success, `${channel}: ${JSON.stringify(result)}`).toBe(true);
  return result as IpcResult<ResponseOf<C>>;
}

async function ok<C extends Channel>(on: AppCore, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(on, channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function error<C extends Channel>(on: AppCore, channel: C, payload: RequestOf<C>): Promise<AppError> {
  const result = await call(on, channel, payload);
  if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

interface EndpointCount {
  endpoint: string;
  count: number;
  statuses: Record<string, number>;
}

/** What a sandbox has answered, per endpoint (its control API is not counted). */
async function endpointsOf(sandbox: RunningSandbox): Promise<EndpointCount[]> {
  const response = await fetch(`${sandbox.url}/sandbox/stats`);
  return ((await response.json()) as { endpoints: EndpointCount[] }).endpoints;
}

/** Every Flexiti request a sandbox has answered. */
async function requestsTo(sandbox: RunningSandbox): Promise<number> {
  return (await endpointsOf(sandbox)).reduce((sum, endpoint) => sum + endpoint.count, 0);
}

async function lookup(on: AppCore): Promise<IpcResult<ResponseOf<'customers.lookup'>>> {
  const { flowId } = await ok(on, 'flow.start', {});
  return call(on, 'customers.lookup', { flowId, by: 'account', number: ACCOUNT });
}

function start(): Promise<AppCore> {
  return createAppCore({
    dataDir,
    provisioningFile: join(dataDir, 'no-provisioning.json'),
    vault,
    sandbox: { url: demoSandbox.url },
    allowLive: true,
    logger: silentLogger,
  });
}

describe.skipIf(!hasBus)('changing the Flexiti environment while the terminal runs', () => {
  beforeAll(async () => {
    demoSandbox = await startSandbox({ port: 0 });
    liveSandbox = await startSandbox({ port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'flexiti-env-switch-'));
    core = await start();
    await core.ready;
    expect((await call(core, 'setup.createFirstManager', MANAGER)).ok).toBe(true);
    await ok(core, 'session.signIn', { employeeId: MANAGER.employeeId, pin: MANAGER.pin });
  });

  afterAll(async () => {
    await core?.close();
    await demoSandbox?.close();
    await liveSandbox?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await keytar.deletePassword(`${prefix}/custom`, 'merchant');
    await keytar.deletePassword(`${prefix}/journal`, 'journal-key-v1');
    await keytar.deletePassword(`${prefix}/probe`, 'probe');
  });

  it('refuses money calls after a switch, sends nothing to the new address, and clears on switching back', async () => {
    expect((await lookup(core)).ok).toBe(true);
    const { flowId } = await ok(core, 'flow.start', {});
    expect(await requestsTo(liveSandbox)).toBe(0);

    await ok(core, 'settings.update', { patch: { environment: 'custom', customBaseUrl: liveSandbox.url } });
    // Valid credentials for the new address: were anything sent there, it would be accepted.
    await ok(core, 'credentials.replace', {
      clientId: DEMO.merchants.demo.clientId,
      clientSecret: DEMO.merchants.demo.clientSecret,
    });

    const status = await ok(core, 'app.status', {});
    expect(status).toMatchObject({
      mode: 'demo',
      environment: 'sandbox',
      restartRequired: true,
      pendingEnvironment: 'custom',
      canRestart: false,
    });

    const refused = { category: 'needs_action', code: 'restart_required' };
    expect(await error(core, 'customers.lookup', { flowId, by: 'account', number: ACCOUNT })).toEqual(
      refused,
    );
    expect(await error(core, 'flow.start', {})).toEqual(refused);
    expect(await error(core, 'journal.reconcile', {})).toEqual(refused);
    expect(await error(core, 'app.restart', {})).toEqual({
      category: 'needs_action',
      code: 'restart_not_supported',
    });
    expect(await requestsTo(liveSandbox)).toBe(0);

    // The connection test checks the saved environment before the restart: one token request, with
    // that environment's credentials, at that environment's address; nothing else goes there.
    const demoBefore = await requestsTo(demoSandbox);
    const tested = await ok(core, 'connection.test', {});
    expect(tested).toMatchObject({ environment: 'custom', reachable: true });
    const live = await endpointsOf(liveSandbox);
    expect(live.map((e) => [e.count, e.statuses])).toEqual([[1, { '200': 1 }]]);
    expect(live[0]?.endpoint).toBe('A1 POST'); // the sandbox's id for POST /oauth/token
    expect(await requestsTo(demoSandbox)).toBe(demoBefore);
    // Wrong credentials for the new address are caught before the restart too.
    await ok(core, 'credentials.replace', {
      clientId: 'not-our-merchant',
      clientSecret: 'wrong-secret-0001',
    });
    expect((await error(core, 'connection.test', {})).code).toBe('credentials_rejected');
    expect((await endpointsOf(liveSandbox)).map((e) => e.statuses)).toEqual([{ '200': 1, '400': 1 }]);
    expect(await error(core, 'customers.lookup', { flowId, by: 'account', number: ACCOUNT })).toEqual(
      refused,
    );
    expect(await requestsTo(liveSandbox)).toBe(2);
    await ok(core, 'credentials.replace', {
      clientId: DEMO.merchants.demo.clientId,
      clientSecret: DEMO.merchants.demo.clientSecret,
    });

    // Reads of the running books still work, and the change is in the audit trail.
    expect((await ok(core, 'settings.get', {})).settings.environment).toBe('custom');
    expect((await ok(core, 'staff.list', {})).staff.length).toBeGreaterThan(0);
    const audit = await ok(core, 'audit.query', { action: 'settings_change', page: 1, pageSize: 50 });
    expect(audit.rows.map((row) => row.detail)).toContainEqual({ keys: ['environment', 'customBaseUrl'] });

    await ok(core, 'settings.update', { patch: { environment: 'sandbox' } });
    expect(await ok(core, 'app.status', {})).toMatchObject({
      environment: 'sandbox',
      restartRequired: false,
    });
    expect((await ok(core, 'app.status', {})).pendingEnvironment).toBeUndefined();
    const before = await requestsTo(demoSandbox);
    expect((await lookup(core)).ok).toBe(true);
    expect(await requestsTo(demoSandbox)).toBeGreaterThan(before);
    expect(await requestsTo(liveSandbox)).toBe(2);
    // Back in the running environment, the connection test goes to the demo simulator again.
    await ok(core, 'connection.test', {});
    expect(await requestsTo(liveSandbox)).toBe(2);
  });

  it('a fresh core on the saved settings uses the live records and the new address', async () => {
    await ok(core, 'settings.update', { patch: { environment: 'custom', customBaseUrl: liveSandbox.url } });
    expect((await ok(core, 'app.status', {})).restartRequired).toBe(true);
    await core.close();
    expect(existsSync(join(dataDir, 'journal.db'))).toBe(false);

    core = await start();
    await core.ready;
    expect(await ok(core, 'app.status', {})).toMatchObject({
      mode: 'live',
      environment: 'custom',
      restartRequired: false,
    });
    for (const file of ['journal.db', 'audit.db', 'sales.db'])
      expect(existsSync(join(dataDir, file))).toBe(true);

    await ok(core, 'session.signIn', { employeeId: MANAGER.employeeId, pin: MANAGER.pin });
    const demoBefore = await requestsTo(demoSandbox);
    const result = await lookup(core);
    expect(result.ok).toBe(true);
    expect(await requestsTo(liveSandbox)).toBeGreaterThan(0);
    expect(await requestsTo(demoSandbox)).toBe(demoBefore);
    // The live audit trail starts empty of the demo records' settings changes.
    const audit = await ok(core, 'audit.query', { action: 'settings_change', page: 1, pageSize: 50 });
    expect(audit.total).toBe(0);
  });
});

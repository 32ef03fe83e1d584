/**
 * The handler table against the real core and a real sandbox over HTTP: malformed payloads, fuzzed
 * payloads, roles, untrusted senders, and a scan of every answer for what must never leave main.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sender } from '../../../src/main/core/handlers/handler-types';
import { createLogger } from '../../../src/main/core/logging/logger';
import { StaffDirectory } from '../../../src/main/core/staff/staff-directory';
import { CHANNELS, contract, type Channel, type RequestOf } from '../../../src/shared/ipc/contract';
import { ipcResultSchema, type IpcResult } from '../../../src/shared/ipc/result';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { startCore, type CoreHarness } from '../helpers/core-harness';
import { JOURNEY_REQUESTS } from '../../fixtures/ipc/journey-requests';
import { REPORT_REQUESTS } from '../../fixtures/ipc/report-requests';
import { MANAGER_REQUESTS } from '../../fixtures/ipc/manager-requests';

const IPC: Sender = { kind: 'ipc', trusted: true };
const MANAGER = { employeeId: 'M100', name: 'Mia Manager', pin: '73915824' };
const CASHIER = { employeeId: 'C100', name: 'Carl Cashier', pin: '48201967' };

/** One valid request per channel; the type makes the list complete. */
const VALID: { [C in Channel]: RequestOf<C> } = {
  'app.status': {},
  'app.restart': {},
  'setup.status': {},
  'setup.createFirstManager': { employeeId: 'X1', name: 'Nobody', pin: '1111' },
  'session.signIn': { employeeId: CASHIER.employeeId, pin: CASHIER.pin },
  'session.signOut': {},
  'session.current': {},
  'settings.get': {},
  'settings.update': { patch: { idleLockMinutes: 10 } },
  'credentials.status': {},
  'credentials.replace': { clientId: 'someone', clientSecret: 'not-a-real-secret' },
  'connection.test': {},
  'flow.start': {},
  'flow.setCustomerLanguage': { flowId: 'A'.repeat(24), language: 'fr' },
  'customers.search': { flowId: 'A'.repeat(24), firstName: 'John', lastName: 'Smith', dob: '1900-01-01' },
  'customers.lookup': { flowId: 'A'.repeat(24), by: 'account', number: '123456789' },
  'journal.inDoubt': {},
  'journal.reconcile': {},
  ...JOURNEY_REQUESTS,
  ...REPORT_REQUESTS,
  ...MANAGER_REQUESTS,
};

const MALFORMED: unknown[] = [
  'text',
  42,
  true,
  [],
  { unexpectedField: 1 },
  { patch: 'x', flowId: 7, pin: 1234 },
];

let sandbox: RunningSandbox;
let clock = Date.now();
let harness: CoreHarness;
const answers: unknown[] = [];
const logLines: string[] = [];

async function call(channel: string, payload: unknown, sender = IPC): Promise<IpcResult<unknown>> {
  const result = await harness.core.handle(channel, payload, sender);
  answers.push(result);
  return result;
}

async function signInAs(person: { employeeId: string; pin: string }): Promise<void> {
  const result = await call('session.signIn', { employeeId: person.employeeId, pin: person.pin });
  expect(result.ok).toBe(true);
}

function expectValid(channel: Channel, result: unknown): void {
  const parsed = ipcResultSchema(contract[channel].response).safeParse(result);
  expect(parsed.success, `${channel}: ${JSON.stringify(result)}`).toBe(true);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  harness = await startCore({
    sandbox: { url: sandbox.url },
    now: () => clock,
    logger: createLogger((_level, line) => logLines.push(line)),
  });
  expect((await call('setup.createFirstManager', MANAGER)).ok).toBe(true);
  // Staff are added by a later staff screen; here through the same directory file the core uses.
  const staff = StaffDirectory.open(join(harness.dataDir, 'staff.db'));
  await staff.add({ ...CASHIER, role: 'cashier' });
  staff.close();
});

afterAll(async () => {
  await harness?.dispose();
  await sandbox?.close();
});

describe('payload validation', () => {
  it('refuses a malformed payload on every channel', async () => {
    await signInAs(MANAGER);
    for (const channel of CHANNELS) {
      for (const payload of MALFORMED) {
        const result = await call(channel, payload);
        expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { category: 'needs_action', code: 'invalid_request' },
        });
      }
    }
  });

  it('answers an unknown channel and an untrusted sender without running anything', async () => {
    expect(await call('staff.dropEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    for (const channel of CHANNELS) {
      const result = await call(channel, VALID[channel], { kind: 'ipc', trusted: false });
      expect(result).toMatchObject({
        ok: false,
        error: { category: 'not_allowed', code: 'untrusted_sender' },
      });
    }
  });

  it('never throws and always answers a valid IpcResult for fuzzed payloads', async () => {
    const keys = [
      'employeeId',
      'pin',
      'name',
      'flowId',
      'firstName',
      'lastName',
      'dob',
      'postalCode',
      'by',
      'number',
      'patch',
      'clientId',
      'clientSecret',
      'language',
    ];
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(...keys),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.anything()),
      ),
    );
    for (const channel of CHANNELS) {
      await fc.assert(
        fc.asyncProperty(payload, async (value) => {
          const result = await call(channel, value);
          expectValid(channel, result);
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('roles', () => {
  it('keeps a cashier out of manager channels', async () => {
    await signInAs(CASHIER);
    const managerOnly = CHANNELS.filter((channel) => !contract[channel].roles.includes('cashier'));
    expect(managerOnly).toEqual(
      expect.arrayContaining([
        'settings.update',
        'credentials.status',
        'credentials.replace',
        'connection.test',
        'journal.inDoubt',
        'journal.reconcile',
      ]),
    );
    for (const channel of managerOnly) {
      const result = await call(channel, VALID[channel]);
      expect(result, channel).toMatchObject({ ok: false, error: { category: 'not_allowed' } });
    }
    expect((await call('settings.get', {})).ok).toBe(true);
  });

  it('keeps anonymous callers out of staff channels', async () => {
    await call('session.signOut', {});
    for (const channel of CHANNELS.filter((name) => !contract[name].roles.includes('anonymous'))) {
      const result = await call(channel, VALID[channel]);
      expect(result, channel).toMatchObject({
        ok: false,
        error: { category: 'not_allowed', code: 'sign_in_required' },
      });
    }
  });

  it('lets a manager use manager channels, and refuses a second first manager', async () => {
    await signInAs(MANAGER);
    expect((await call('journal.inDoubt', {})).ok).toBe(true);
    expect((await call('settings.update', { patch: { idleLockMinutes: 7 } })).ok).toBe(true);
    await call('session.signOut', {});
    expect(await call('setup.createFirstManager', VALID['setup.createFirstManager'])).toMatchObject({
      ok: false,
      error: { code: 'setup_already_done' },
    });
  });

  it('answers a wrong PIN like an unknown employee', async () => {
    const wrong = await call('session.signIn', { employeeId: MANAGER.employeeId, pin: '0000' });
    const unknown = await call('session.signIn', { employeeId: 'NOBODY', pin: '0000' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
  });
});

describe('idle lock', () => {
  it('ends the session after idleLockMinutes without activity; status polls do not count', async () => {
    await signInAs(CASHIER);
    const minutes = (await call('session.current', {})) as {
      ok: true;
      value: { session: { idleLockMinutes: number } };
    };
    const idle = minutes.value.session.idleLockMinutes * 60_000;
    clock += idle - 1_000;
    expect((await call('settings.get', {})).ok).toBe(true);
    clock += idle - 1_000;
    await call('app.status', {});
    await call('session.current', {});
    clock += 2_000;
    expect(await call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'sign_in_required' } });
    expect(await call('session.current', {})).toMatchObject({ ok: true, value: { session: null } });
  });
});

describe('what leaves main', () => {
  it('finds customers with masked cards and opaque refs only', async () => {
    await signInAs(MANAGER);
    const flow = await call('flow.start', {});
    expect(flow.ok).toBe(true);
    const flowId = flow.ok ? (flow.value as { flowId: string }).flowId : '';
    const search = await call('customers.search', {
      flowId,
      firstName: 'John',
      lastName: 'Smith',
      dob: '1900-01-01',
    });
    expect(search).toMatchObject({
      ok: true,
      value: {
        accounts: expect.arrayContaining([
          expect.objectContaining({ cardMasked: '•••• 5941', status: 'normal' }),
        ]),
      },
    });
    for (const [by, number] of [
      ['card', DEMO.accounts.johnSmith.vcc],
      ['account', String(DEMO.accounts.miTester.accountNumber)],
    ] as const) {
      const lookup = await call('customers.lookup', { flowId, by, number });
      expect(lookup.ok, JSON.stringify(lookup)).toBe(true);
    }
    expect((await call('connection.test', {})).ok).toBe(true);
    expect(await call('credentials.status', {})).toMatchObject({ ok: true, value: { state: 'demo' } });
    expect(await call('credentials.replace', VALID['credentials.replace'])).toMatchObject({ ok: false });
    for (const channel of CHANNELS) await call(channel, VALID[channel]);
  });

  it('never answers or logs a secret, a token, a PIN, or a full account or card number', () => {
    const state = sandbox.state();
    const tokens = [...state.tokens.values()].flatMap((token) => [token.accessToken, token.refreshToken]);
    expect(tokens.length).toBeGreaterThan(0);
    const accounts = Object.values(DEMO.accounts).flatMap((account) => [
      String(account.accountNumber),
      account.vcc,
    ]);
    const forbidden = [
      DEMO.merchants.demo.clientSecret,
      VALID['credentials.replace'].clientSecret,
      MANAGER.pin,
      CASHIER.pin,
      ...tokens,
      ...accounts,
    ];
    const text = JSON.stringify(answers);
    expect(answers.length).toBeGreaterThan(500);
    for (const value of forbidden) expect(text.includes(value), `leaked ${value.slice(0, 4)}…`).toBe(false);
    expect(text).toContain('5941');
    const log = logLines.join('\n');
    for (const value of forbidden) expect(log.includes(value), `logged ${value.slice(0, 4)}…`).toBe(false);
  });
});

/**
 * The cashier journeys against the real core (handler table, Flexiti client, journal) and a real
 * sandbox over HTTP: staff sign-in, sandbox control (outbox, ledger, clock, faults), and a scan of
 * every answer for what must never leave main.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { AppCoreOptions } from '../../../src/main/core/app-core';
import type { Sender } from '../../../src/main/core/handlers/handler-types';
import { StaffDirectory } from '../../../src/main/core/staff/staff-directory';
import type { AccountView } from '../../../src/shared/ipc/channels/customers';
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../../src/shared/ipc/contract';
import { ipcResultSchema, type IpcResult } from '../../../src/shared/ipc/result';
import type { AppError } from '../../../src/shared/app-error';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { DEMO } from '../../../src/sandbox/state/demo-data';
import { startCore, type CoreHarness } from '../helpers/core-harness';

const IPC: Sender = { kind: 'ipc', trusted: true };
export const MANAGER = {
  employeeId: DEMO.merchants.demo.employees.manager,
  name: 'Mia Manager',
  pin: '73915824',
};
export const CASHIER = {
  employeeId: DEMO.merchants.demo.employees.cashier,
  name: 'Carl Cashier',
  pin: '48201967',
};

export interface Person {
  employeeId: string;
  pin: string;
}

/** How a customer is searched: name and date of birth. */
export interface Customer {
  firstName: string;
  lastName: string;
  dob: string;
}

export interface OutboxMessage {
  channel: string;
  to: string;
  account_number: number | string;
  request_id: string;
  pin: string | number;
}

export interface LedgerAuthorization {
  authorization_id: number | string;
  status: string;
  authorized_amount_cents: number;
  captured_amount_cents: number;
  released_amount_cents: number;
  remaining_authorization_amount_cents: number;
}

export interface Ledger {
  posted_balance_cents: number;
  open_holds_cents: number;
  available_credit_cents: number;
  authorizations: LedgerAuthorization[];
  captures: { capture_id: number | string; amount_cents: number }[];
}

export class Journeys {
  readonly answers: unknown[] = [];
  /** Secrets seen during the test (PINs, answers, licence numbers) that no answer may contain. */
  readonly secrets = new Set<string>();

  private constructor(
    readonly sandbox: RunningSandbox,
    readonly harness: CoreHarness,
  ) {}

  /** `core` adds options to the core (a clock the test moves, for one). */
  static async start(core: Partial<AppCoreOptions> = {}): Promise<Journeys> {
    const sandbox = await startSandbox({ port: 0 });
    const harness = await startCore({ ...core, sandbox: { url: sandbox.url } });
    const journeys = new Journeys(sandbox, harness);
    const first = await harness.core.handle('setup.createFirstManager', MANAGER, IPC);
    expect(first.ok).toBe(true);
    const staff = StaffDirectory.open(join(harness.dataDir, 'staff.db'));
    await staff.add({ ...CASHIER, role: 'cashier' });
    staff.close();
    return journeys;
  }

  async stop(): Promise<void> {
    await this.harness.dispose();
    await this.sandbox.close();
  }

  async raw(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
    const result = await this.harness.core.handle(channel, payload, IPC);
    this.answers.push(result);
    return result;
  }

  /** Calls a channel and checks the answer against the contract. */
  async call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
    const result = await this.raw(channel, payload);
    const parsed = ipcResultSchema(contract[channel].response).safeParse(result);
    expect(parsed.success, `${channel}: ${JSON.stringify(result)}`).toBe(true);
    return result as IpcResult<ResponseOf<C>>;
  }

  async ok<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await this.call(channel, payload);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  async error<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<AppError> {
    const result = await this.call(channel, payload);
    if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
    return result.error;
  }

  async signIn(person: Person): Promise<void> {
    await this.ok('session.signIn', { employeeId: person.employeeId, pin: person.pin });
  }

  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.sandbox.url}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  /** A new flow and the customer's account in that status (a normal one unless told). */
  async findAccount(
    customer: Customer,
    status: AccountView['status'] = 'normal',
  ): Promise<{ flowId: string; account: AccountView }> {
    const { flowId } = await this.ok('flow.start', {});
    const { accounts } = await this.ok('customers.search', { flowId, ...customer });
    const account = accounts.find((a) => a.status === status);
    if (!account) throw new Error(`no ${status} account`);
    return { flowId, account };
  }

  /** Flexiti MITester answers the security question and is ready to buy; the answer joins the secrets. */
  async verifyMiTesterByQuestion(flowId: string, accountRef: string): Promise<void> {
    this.secrets.add(DEMO.accounts.miTester.securityAnswer);
    const started = await this.ok('verify.start', {
      flowId,
      accountRef,
      method: 'security_question',
      answer: DEMO.accounts.miTester.securityAnswer,
    });
    expect(started.state).toBe('ready');
  }

  /** Flexiti MITester, verified by the security question, buys on plan 4 over 3 months. */
  async buyAsMiTester(amountCents: number, autoCapture: boolean, orderReference: string) {
    const { flowId, account } = await this.findAccount(MITESTER);
    await this.verifyMiTesterByQuestion(flowId, account.accountRef);
    const { authorization } = await this.ok('purchase.authorize', {
      flowId,
      accountRef: account.accountRef,
      amountCents,
      financing: { kind: 'plan', planId: 4, term: 3 },
      autoCapture,
      orderReference,
    });
    return authorization;
  }

  /** John Smith found, verified by SMS and priced for the amount: ready for purchase.authorize. */
  async readyToBuyAsJohn(amountCents: number): Promise<{ flowId: string; accountRef: string }> {
    const { flowId, account } = await this.findAccount(JOHN);
    const accountRef = account.accountRef;
    await this.ok('verify.start', { flowId, accountRef, method: 'sms' });
    const pin = await this.latestPin(DEMO.accounts.johnSmith.accountNumber);
    expect(await this.ok('verify.submitPin', { flowId, accountRef, pin })).toEqual({ state: 'ready' });
    await this.ok('pricing.calculate', { flowId, accountRef, amountCents });
    return { flowId, accountRef };
  }

  async ledger(accountNumber: number | string): Promise<Ledger> {
    return (await this.control('GET', `/accounts/${accountNumber}`)) as Ledger;
  }

  /** The newest PIN the sandbox sent for an account (what the customer reads from the phone). */
  async latestPin(accountNumber: number | string, channel = 'sms'): Promise<string> {
    const { messages } = (await this.control('GET', '/outbox')) as { messages: OutboxMessage[] };
    const message = messages.find(
      (m) => String(m.account_number) === String(accountNumber) && m.channel === channel,
    );
    if (!message) throw new Error(`no ${channel} PIN in the outbox for the account`);
    const pin = String(message.pin);
    this.secrets.add(pin);
    return pin;
  }

  async outboxCount(): Promise<number> {
    const { messages } = (await this.control('GET', '/outbox')) as { messages: OutboxMessage[] };
    return messages.length;
  }

  /**
   * No answer may carry a full account or card number, a PIN, a token, the demo secret or a
   * licence number. Flexiti's own ids (authorization, capture, application) are not secret.
   */
  expectNothingLeaked(): void {
    const ID_KEYS = new Set([
      'authorizationId',
      'captureId',
      'captureIds',
      'returnId',
      // The audit chain's SHA-256 is public by design: it proves the trail, it hides nothing.
      'hash',
      'auditHash',
      'applicationId',
      'supportReference',
      'referenceId',
      'orderReference',
    ]);
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const strip = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(strip);
      // Random UUIDs (journal entry ids) may hold 9 digits in a row by chance; they are not numbers.
      if (typeof value === 'string' && UUID.test(value)) return '[uuid]';
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) out[key] = ID_KEYS.has(key) ? '[id]' : strip(inner);
      return out;
    };
    expect(this.answers.length).toBeGreaterThan(0);
    for (const answer of this.answers) {
      const text = JSON.stringify(strip(answer));
      expect(text, text).not.toMatch(/\d{9,}/);
      expect(text).not.toMatch(/[0-9a-f]{40}/i);
      expect(text).not.toContain(DEMO.merchants.demo.clientSecret);
      expect(text).not.toMatch(
        /"(pin|verificationCode|accessToken|refreshToken|clientSecret|govidNumber|sin)":/,
      );
      for (const secret of this.secrets)
        expect(text, `leaked a secret in ${text}`).not.toContain(`"${secret}"`);
    }
  }
}

export const JOHN: Customer = { firstName: 'John', lastName: 'Smith', dob: '1900-01-01' };
export const MITESTER: Customer = { firstName: 'Flexiti', lastName: 'MITester', dob: '1985-03-14' };
export const MARIE: Customer = { firstName: 'Marie', lastName: 'Tremblay', dob: '1988-07-21' };

export interface JourneyHooks {
  /** Options added to the core (a clock the test moves, an observing fetch, ...). */
  core?: Partial<AppCoreOptions>;
  /** Secrets known before the first test (staff PINs) that no answer may contain. */
  secrets?: readonly string[];
  /** After the last test: no answer carried a secret. */
  expectNothingLeaked?: boolean;
  /** Before each test: the sandbox's faults cleared (when asked) and this person signed in. */
  eachTest?: { clearFaults: boolean; signIn: Person };
}

/**
 * Registers the file's hooks around one Journeys: started before the first test, stopped after the
 * last (faults cleared first, so the core closes against a healthy Flexiti). `started` hands it over.
 */
export function useJourneys(hooks: JourneyHooks, started: (journeys: Journeys) => void): void {
  let j: Journeys | undefined;
  beforeAll(async () => {
    j = await Journeys.start(hooks.core);
    for (const secret of hooks.secrets ?? []) j.secrets.add(secret);
    started(j);
  });
  afterAll(async () => {
    if (hooks.expectNothingLeaked) j?.expectNothingLeaked();
    await j?.control('DELETE', '/faults').catch(() => undefined);
    await j?.stop();
  });
  const eachTest = hooks.eachTest;
  if (eachTest) {
    beforeEach(async () => {
      if (eachTest.clearFaults) await j?.control('DELETE', '/faults');
      await j?.signIn(eachTest.signIn);
    });
  }
}

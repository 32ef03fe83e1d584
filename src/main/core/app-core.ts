/**
 * The composition root: builds the whole core from settings (vault, journal, Flexiti client, token
 * manager, reconciler, staff, session, audit trail, sales ledger, handler table), the same way for Electron, the browser host
 * and tests. In the sandbox environment it runs the simulator in-process: demo mode.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../shared/ipc/channels/app';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createKeychainVault, type CredentialVault } from './credentials/credential-vault';
import {
  createCredentialsService,
  credentialSourceFor,
  type ConnectionProbeTarget,
} from './credentials/credentials-service';
import { HttpTransport } from './flexiti/http-transport';
import { FlexitiClient } from './flexiti/flexiti-client';
import { reconcileJournal } from './flexiti/reconciler';
import { CustomerFlows } from './flows/customer-flows';
import { createAppHandlers } from './handlers/app-handlers';
import { createCustomerHandlers } from './handlers/customer-handlers';
import { createHandlerTable, type HandlerTable } from './handlers/handler-table';
import type { Handlers } from './handlers/handler-types';
import { createJournalHandlers } from './handlers/journal-handlers';
import { createJourneyHandlers } from './handlers/journey-handlers';
import { createSessionHandlers } from './handlers/session-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { terminalFacts } from './handlers/terminal-facts';
import { Journal } from './journal/journal';
import { createLogger, type Logger } from './logging/logger';
import { Session } from './session/session';
import { resolveApiRoot } from './settings/api-root';
import { createRestartState } from './settings/restart-state';
import type { CredentialSource } from './flexiti/token-manager';
import { fail } from './handlers/app-failure';
import { loadProvisioning } from './settings/provisioning';
import type { SettingsBackend } from './settings/settings-backend';
import { createFileSettingsStore, createSettingsStore, type SettingsStore } from './settings/settings-store';
import { StaffDirectory, type StaffDirectoryOptions } from './staff/staff-directory';
import { AuditLog } from './audit/audit-log';
import { SalesLedger } from './sales/sales-ledger';
import { getSale } from './sales/sale-search';
import { createAuditRecorder } from './records/audit-recorder';
import { createSaleRecorder } from './records/sale-recorder';
import { recordReconciliation } from './records/reconciliation-recording';
import { withRecording } from './handlers/recorded-handlers';
import { createReportHandlers } from './handlers/report-handlers';
import { ApprovalTokens } from './approval/approval-tokens';
import { createApprovalHandlers } from './handlers/approval-handlers';
import { createDayHandlers } from './handlers/day-handlers';
import { createReturnHandlers } from './handlers/returns-handlers';
import { createStaffHandlers } from './handlers/staff-handlers';

export interface AppCoreOptions {
  /** Where staff, journal and (without a backend) settings live. Created if missing. */
  dataDir: string;
  /** The machine's provisioning file; default the per-OS path. */
  provisioningFile?: string;
  /** Default: the OS keychain through keytar. */
  vault?: CredentialVault;
  /** In the sandbox environment: run the simulator in-process (default) or use one at `url`. */
  sandbox?: 'embedded' | { url: string };
  /** A Flexiti environment other than the sandbox is refused unless this is true. */
  allowLive?: boolean;
  /** Electron passes its electron-store backend; default a JSON file in dataDir. */
  settingsBackend?: SettingsBackend;
  logger?: Logger;
  version?: string;
  staff?: StaffDirectoryOptions;
  fetch?: typeof fetch;
  /** Epoch ms for the idle lock (tests move it). */
  now?: () => number;
  /**
   * The host's restart, offered to a manager once a changed environment needs one (Electron
   * relaunches). Without it the screen says to restart the app by hand.
   */
  restart?: () => void;
}

export interface AppCore {
  handle: HandlerTable['handle'];
  status(): AppStatus;
  /** Resolves when start-up reconciliation is over and money operations are accepted. */
  readonly ready: Promise<void>;
  /** The embedded or configured simulator, in demo mode. */
  readonly sandboxUrl: string | undefined;
  close(): Promise<void>;
}

export class AppCoreError extends Error {
  override readonly name = 'AppCoreError';
  constructor(
    readonly code: 'live_not_allowed' | 'journal_key_unavailable',
    message: string,
  ) {
    super(message);
  }
}

function openSettings(options: AppCoreOptions): SettingsStore {
  if (options.settingsBackend) {
    const backend = options.settingsBackend;
    return createSettingsStore({ backend, provisioning: () => loadProvisioning(options.provisioningFile) });
  }
  return createFileSettingsStore(
    join(options.dataDir, 'settings.json'),
    options.provisioningFile === undefined ? {} : { provisioningPath: options.provisioningFile },
  );
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const logger = options.logger ?? createLogger();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  const settings = openSettings(options);
  const loaded = settings.load();
  for (const problem of loaded.problems)
    logger.warn('settings problem', { code: problem.code, fields: problem.fields });

  const environment = loaded.settings.environment;
  const demo = environment === 'sandbox';
  if (!demo && options.allowLive !== true) {
    throw new AppCoreError(
      'live_not_allowed',
      `The settings select the ${environment} environment; start with --allow-live to use a live Flexiti environment.`,
    );
  }

  const vault = options.vault ?? createKeychainVault();
  let sandbox: RunningSandbox | undefined;
  let sandboxUrl: string | undefined;
  if (demo) {
    if (options.sandbox !== undefined && options.sandbox !== 'embedded') sandboxUrl = options.sandbox.url;
    else {
      sandbox = await startSandbox({ port: 0 });
      sandboxUrl = sandbox.url;
    }
  }

  // Everything below belongs to the environment chosen now: a saved switch waits for a restart.
  const restart = createRestartState(loaded.settings, () => settings.get());
  const apiRoot = resolveApiRoot(restart.started, sandboxUrl);
  const journal = await openJournal(options, vault, demo, logger);
  const currentCredentials = credentialSourceFor(settings, vault);
  // The saved environment's credentials must never go to the running environment's address.
  const credentials: CredentialSource = async () => {
    const refused = restart.refusal();
    if (refused !== null) fail(refused.category, refused.code);
    return currentCredentials();
  };
  /**
   * The connection test checks the saved environment, so a manager setting a live terminal up can
   * test the credentials before the restart: one token request, carrying that environment's own
   * credentials to that environment's own address. No customer or money call goes there until the
   * restart. Demo mode's simulator only runs in a terminal started in demo mode.
   */
  const probeTarget = (): ConnectionProbeTarget => {
    if (restart.pending() === null) return { transport: client.transport, credentials };
    const saved = settings.get();
    if (saved.environment === 'sandbox') fail('needs_action', 'restart_required');
    const apiRoot = resolveApiRoot(saved);
    return {
      transport: new HttpTransport({ apiRoot, ...(options.fetch ? { fetch: options.fetch } : {}) }),
      credentials: currentCredentials,
    };
  };
  const client = new FlexitiClient({
    apiRoot: () => apiRoot,
    credentials,
    journal,
    terminal: () => ({ locationId: settings.get().locationId, registerId: settings.get().registerId }),
    lang: () => settings.get().language,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const staff = StaffDirectory.open(join(options.dataDir, 'staff.db'), options.staff);
  // Demo mode keeps its own records so training sales never mix with live ones.
  const auditLog = AuditLog.open(join(options.dataDir, demo ? 'audit-demo.db' : 'audit.db'));
  const ledger = SalesLedger.open(join(options.dataDir, demo ? 'sales-demo.db' : 'sales.db'));
  const audit = createAuditRecorder(auditLog, logger);
  const sales = createSaleRecorder(ledger, logger);
  const session = new Session({
    idleLockMinutes: () => settings.get().idleLockMinutes,
    ...(options.now ? { now: options.now } : {}),
  });
  const flows = new CustomerFlows();
  const approvals = new ApprovalTokens(options.now ?? Date.now);

  settings.subscribe((change) => {
    if (change.changedFields.includes('environment') || change.changedFields.includes('customBaseUrl')) {
      client.tokens.clear();
      flows.clear();
    }
    const keys = change.changedFields.slice(0, 50);
    if (keys.length === 0) return;
    audit.record({
      action: 'settings_change',
      actorId: change.actor.id.slice(0, 50) || 'unknown',
      actorRole:
        change.actor.role === 'cashier' || change.actor.role === 'manager' ? change.actor.role : 'system',
      outcome: 'ok',
      detail: { keys },
    });
  });

  let reconciling: Promise<{ settled: number; stillInDoubt: number }> | null = null;
  function reconcileNow(): Promise<{ settled: number; stillInDoubt: number }> {
    reconciling ??= reconcileJournal({ context: client.context })
      .then(async (report) => {
        await recordReconciliation(report, {
          journal,
          audit,
          sales,
          fetchAuthorization: (id) => client.getAuthorization(client.newFlow(), id),
          logger,
        }).catch((error: unknown) => logger.error('reconciliation not recorded', { error }));
        return report;
      })
      .then((report) => ({
        settled:
          report.replayedConfirmed +
          report.replayedFailed +
          report.reconciledApplied +
          report.reconciledNotApplied,
        stillInDoubt: report.stillInDoubt + report.needsManualCheck,
      }))
      .finally(() => {
        reconciling = null;
      });
    return reconciling;
  }

  let ready = false;
  const readyPromise = reconcileNow()
    .then(
      (result) => logger.info('start-up reconciliation done', result),
      (error: unknown) => logger.error('start-up reconciliation failed', { error }),
    )
    .finally(() => {
      ready = true;
    });

  const version = options.version ?? '0.0.0-dev';
  function status(): AppStatus {
    const current = settings.get();
    const pending = restart.pending();
    return {
      mode: demo ? 'demo' : 'live',
      environment: restart.started.environment,
      restartRequired: pending !== null,
      ...(pending !== null ? { pendingEnvironment: pending } : {}),
      canRestart: options.restart !== undefined,
      version: version.slice(0, 40),
      locale: current.language,
      ready,
      reconciling: reconciling !== null,
      inDoubtCount: journal.unfinished().length,
      setupNeeded: staff.count() === 0,
      settingsProblems: loaded.problems.length,
    };
  }

  const journeys = createJourneyHandlers({
    client,
    flows,
    journal: () => journal,
    settle: () => reconcileNow(),
    settings: () => settings.get(),
    storedLineItems: (authorizationId) => ledger.lineItemsOf(authorizationId),
    logger,
  });

  const handlers: Handlers = withRecording(
    {
      ...createAppHandlers({ status, restart: options.restart }),
      ...createSessionHandlers({
        staff,
        session,
        onSessionChange: () => {
          flows.clear();
          journeys.clear();
        },
      }),
      ...createSettingsHandlers({
        settings,
        liveAllowed: options.allowLive === true,
        credentials: createCredentialsService({
          settings,
          vault,
          probeTarget: () => probeTarget(),
          onReplaced: () => client.tokens.clear(),
        }),
      }),
      ...createCustomerHandlers({
        flows,
        defaultLanguage: () => settings.get().language,
        customers: {
          startFlow: () => client.startFlow(),
          search: (flow, input) => client.searchCustomers(flow, input),
          lookup: (flow, input) => client.lookupCustomer(flow, input),
        },
      }),
      ...createJournalHandlers({
        journal: () => journal,
        reconciler: {
          reconcileNow: () => {
            const refused = restart.refusal();
            if (refused !== null) fail(refused.category, refused.code);
            return reconcileNow();
          },
        },
      }),
      ...journeys.handlers,
      ...createReportHandlers({ sales: () => ledger, audit: () => auditLog, journal: () => journal }),
      ...createReturnHandlers({
        client,
        ledger: () => ledger,
        audit,
        flows,
        journal: () => journal,
        terminal: () => terminalFacts(settings.get()),
        logger,
        ...(options.now ? { now: options.now } : {}),
      }),
      ...createStaffHandlers({ staff, audit }),
      ...createApprovalHandlers({ staff, session, tokens: approvals, audit }),
      ...createDayHandlers({
        sales: () => ledger,
        audit: () => auditLog,
        journal: () => journal,
        ...(options.now ? { now: options.now } : {}),
      }),
    },
    {
      audit,
      sales,
      sale: (authorizationId) => getSale(ledger, authorizationId),
      flows,
      journal: () => journal,
      terminal: () => ({ locationId: settings.get().locationId, registerId: settings.get().registerId }),
      roleOf: (employeeId) => staff.get(employeeId)?.role,
      logger,
    },
  );

  const table = createHandlerTable({
    handlers,
    session,
    logger,
    isReady: () => ready,
    flexitiRefusal: () => restart.refusal(),
    approvals,
  });

  return {
    handle: (channel, payload, sender) => table.handle(channel, payload, sender),
    status,
    ready: readyPromise,
    sandboxUrl,
    async close() {
      await readyPromise;
      if (reconciling) await reconciling.catch(() => undefined);
      staff.close();
      journal.close();
      ledger.close();
      auditLog.close();
      if (sandbox) await sandbox.close();
    },
  };
}

/**
 * The journal's key lives in the keychain. In demo mode a terminal without a keychain (a kiosk
 * build, a CI box) still runs: the journal is then kept in memory, since only simulated money moves.
 */
async function openJournal(
  options: AppCoreOptions,
  vault: CredentialVault,
  demo: boolean,
  logger: Logger,
): Promise<Journal> {
  const file = join(options.dataDir, demo ? 'journal-demo.db' : 'journal.db');
  try {
    const key = await vault.getOrCreateJournalKey();
    return Journal.open(file, key);
  } catch (error) {
    if (!demo) {
      throw new AppCoreError(
        'journal_key_unavailable',
        'The journal key could not be read from the OS keychain.',
      );
    }
    logger.warn('keychain unavailable in demo mode: the demo journal is kept in memory', { error });
    return Journal.open(':memory:', randomBytes(32));
  }
}

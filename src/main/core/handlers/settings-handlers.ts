/**
 * Settings, credentials and the connection test. A provisioned lock is refused with the fields it
 * concerns; a live environment is refused where the host was not started to allow one.
 */
import type { SettingsView } from '../../../shared/ipc/channels/settings';
import type { z } from 'zod';
import type { credentialsStatusSchema } from '../../../shared/ipc/channels/settings';
import { SettingsUpdateError } from '../settings/settings-errors';
import type { SettingsStore } from '../settings/settings-store';
import type { TerminalSettings } from '../settings/settings-schema';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

export type CredentialsStatus = z.infer<typeof credentialsStatusSchema>;

export interface CredentialsService {
  status(): Promise<CredentialsStatus>;
  replace(credentials: { clientId: string; clientSecret: string }): Promise<CredentialsStatus>;
  /** Gets a token with the stored credentials; resolves with the time it took. */
  testConnection(): Promise<{ latencyMs: number }>;
}

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  credentials: CredentialsService;
  liveAllowed: boolean;
}

function view(settings: TerminalSettings): SettingsView {
  const receipt: SettingsView['receipt'] = {
    format: settings.receipt.format,
    copies: settings.receipt.copies,
  };
  if (settings.receipt.printerName !== undefined) receipt.printerName = settings.receipt.printerName;
  const result: SettingsView = {
    environment: settings.environment,
    locationId: settings.locationId,
    registerId: settings.registerId,
    language: settings.language,
    idleLockMinutes: settings.idleLockMinutes,
    receipt,
    storeProvince: settings.storeProvince,
  };
  if (settings.customBaseUrl !== undefined) result.customBaseUrl = settings.customBaseUrl;
  return result;
}

function fieldList(fields: readonly string[]) {
  return fields.slice(0, 20).map((param) => ({ param: param.slice(0, 100), msg: 'invalid' }));
}

export function createSettingsHandlers(
  deps: SettingsHandlerDeps,
): Handlers<
  'settings.get' | 'settings.update' | 'credentials.status' | 'credentials.replace' | 'connection.test'
> {
  const { settings } = deps;
  const answer = () => ({ settings: view(settings.get()), locked: [...settings.locks()] });

  return {
    'settings.get': () => answer(),

    'settings.update': (request, context) => {
      const environment = request.patch.environment;
      if (environment !== undefined && environment !== 'sandbox' && !deps.liveAllowed) {
        fail('not_allowed', 'live_not_allowed', { fields: [{ param: 'environment', msg: 'not_allowed' }] });
      }
      try {
        settings.update(request.patch, {
          id: context.staff?.employeeId ?? 'unknown',
          role: context.staff?.role,
        });
      } catch (error) {
        if (!(error instanceof SettingsUpdateError)) throw error;
        if (error.code === 'settings_field_locked') {
          fail('not_allowed', 'settings_field_locked', { fields: fieldList(error.fields) });
        }
        if (error.code === 'settings_invalid_value') {
          fail('needs_action', 'settings_invalid_value', { fields: fieldList(error.fields) });
        }
        fail('retryable', 'settings_write_failed');
      }
      return answer();
    },

    'credentials.status': () => deps.credentials.status(),
    'credentials.replace': (request) => deps.credentials.replace(request),

    'connection.test': async () => {
      const { latencyMs } = await deps.credentials.testConnection();
      return { environment: settings.get().environment, reachable: true as const, latencyMs };
    },
  };
}

/**
 * The Flexiti environment the core started in versus the one saved now. The journal, audit trail,
 * sales ledger and embedded simulator are chosen at start, so a saved switch only takes effect after
 * a restart; until then money and customer calls are refused rather than run in a mixed state.
 */
import type { AppError } from '../../../shared/app-error';
import type { EnvironmentName } from '../../../shared/ipc/channels/common';
import { normalizeApiRoot } from './api-root';
import type { TerminalSettings } from './settings-schema';

export type EnvironmentChoice = Pick<TerminalSettings, 'environment' | 'customBaseUrl'>;

export const RESTART_REQUIRED: Readonly<AppError> = Object.freeze({
  category: 'needs_action',
  code: 'restart_required',
});

/** The custom address as it would be used, so `https://x` and `https://x/` count as the same. */
function comparableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return normalizeApiRoot(url);
  } catch {
    return url;
  }
}

/**
 * The environment a restart would switch to, or null when the saved choice is the running one. The
 * custom address matters only in the custom environment.
 */
export function pendingEnvironment(
  started: EnvironmentChoice,
  saved: EnvironmentChoice,
): EnvironmentName | null {
  if (started.environment !== saved.environment) return saved.environment;
  if (saved.environment !== 'custom') return null;
  return comparableUrl(started.customBaseUrl) === comparableUrl(saved.customBaseUrl) ? null : 'custom';
}

export interface RestartState {
  /** What the core runs against until it is restarted. */
  readonly started: Readonly<EnvironmentChoice>;
  pending(): EnvironmentName | null;
  /** The AppError to answer with while a restart is pending, else null. */
  refusal(): AppError | null;
}

export function createRestartState(started: EnvironmentChoice, saved: () => EnvironmentChoice): RestartState {
  const pinned: EnvironmentChoice = Object.freeze(
    started.customBaseUrl === undefined
      ? { environment: started.environment }
      : { environment: started.environment, customBaseUrl: started.customBaseUrl },
  );
  const pending = () => pendingEnvironment(pinned, saved());
  return {
    started: pinned,
    pending,
    refusal: () => (pending() === null ? null : { ...RESTART_REQUIRED }),
  };
}

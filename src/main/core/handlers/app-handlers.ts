/** app.status: what the shell needs before anything else; app.restart where the host can do it. */
import type { AppStatus } from '../../../shared/ipc/channels/app';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

export interface AppHandlerDeps {
  status: () => AppStatus;
  /** The host's restart (Electron relaunches); absent where the host cannot restart itself. */
  restart?: (() => void) | undefined;
}

export function createAppHandlers(deps: AppHandlerDeps): Handlers<'app.status' | 'app.restart'> {
  return {
    'app.status': () => deps.status(),
    'app.restart': () => {
      if (deps.restart === undefined) fail('needs_action', 'restart_not_supported');
      deps.restart();
      return { restarting: true as const };
    },
  };
}

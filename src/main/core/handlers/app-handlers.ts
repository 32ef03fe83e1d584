/** app.status: what the shell needs before anything else. */
import type { AppStatus } from '../../../shared/ipc/channels/app';
import type { Handlers } from './handler-types';

export function createAppHandlers(deps: { status: () => AppStatus }): Handlers<'app.status'> {
  return { 'app.status': () => deps.status() };
}

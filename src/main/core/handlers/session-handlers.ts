/** First run, sign-in and sign-out. A wrong PIN and an unknown employee id answer the same. */
import type { Session } from '../session/session';
import { StaffError, type StaffDirectory } from '../staff/staff-directory';
import { fail } from './app-failure';
import type { Handlers } from './handler-types';

export interface SessionHandlerDeps {
  staff: StaffDirectory;
  session: Session;
  /** Called on sign-in and sign-out: flows and account refs of the previous person are dropped. */
  onSessionChange: () => void;
}

type SessionChannels =
  'setup.status' | 'setup.createFirstManager' | 'session.signIn' | 'session.signOut' | 'session.current';

export function createSessionHandlers(deps: SessionHandlerDeps): Handlers<SessionChannels> {
  const { staff, session } = deps;
  return {
    'setup.status': () => ({ needsFirstManager: staff.count() === 0 }),

    'setup.createFirstManager': async (request) => {
      try {
        const manager = await staff.addFirstManager(request);
        deps.onSessionChange();
        return session.signIn(manager);
      } catch (error) {
        if (error instanceof StaffError) fail('not_allowed', 'setup_already_done');
        throw error;
      }
    },

    'session.signIn': async (request) => {
      const check = await staff.checkPin(request.employeeId, request.pin);
      if (!check.ok) {
        if (check.reason === 'locked_out') fail('not_allowed', 'pin_locked_out');
        fail('needs_action', 'wrong_pin');
      }
      deps.onSessionChange();
      return session.signIn(check.staff);
    },

    'session.signOut': () => {
      session.signOut();
      deps.onSessionChange();
      return { signedOut: true as const };
    },

    'session.current': (_request, context) => ({
      session: context.staff ? session.info(context.staff) : null,
    }),
  };
}

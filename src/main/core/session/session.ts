/**
 * Who is signed in at this terminal, and the idle lock: after `idleLockMinutes` without a call the
 * session ends, so a terminal left alone does not stay open to whoever walks up.
 */
import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../../shared/ipc/channels/session';
import type { StaffMember } from '../staff/staff-directory';

export interface SessionOptions {
  idleLockMinutes: () => number;
  now?: () => number;
}

export class Session {
  private current: { staff: StaffMember; lastActivity: number; id: string } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
  }

  signIn(staff: StaffMember): SessionInfo {
    this.current = { staff, lastActivity: this.now(), id: randomUUID() };
    return this.info(staff);
  }

  signOut(): void {
    this.current = null;
  }

  /** The signed-in staff member, or null (also when the idle lock has just ended the session). */
  active(): StaffMember | null {
    if (this.current === null) return null;
    const idleMs = this.options.idleLockMinutes() * 60_000;
    if (this.now() - this.current.lastActivity >= idleMs) {
      this.current = null;
      return null;
    }
    return this.current.staff;
  }

  /** This sign-in's id (a new one each sign-in), or null: what a manager's approval is bound to. */
  id(): string | null {
    return this.active() === null ? null : (this.current?.id ?? null);
  }

  /** Records activity: called for each accepted call of a signed-in person. */
  touch(): void {
    if (this.current !== null) this.current.lastActivity = this.now();
  }

  info(staff: StaffMember): SessionInfo {
    return {
      employeeId: staff.employeeId,
      name: staff.name,
      role: staff.role,
      idleLockMinutes: this.options.idleLockMinutes(),
    };
  }
}

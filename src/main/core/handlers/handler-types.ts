/** What every handler receives besides its parsed request. */
import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { StaffMember } from '../staff/staff-directory';

export interface Sender {
  kind: 'ipc' | 'browser-host';
  /** Set by the transport after its own checks (our window and frame, or the per-launch secret). */
  trusted: boolean;
}

export interface HandlerContext {
  sender: Sender;
  /** The signed-in person, or null for an anonymous call. */
  staff: StaffMember | null;
  /** The manager whose one-time approval let a cashier make this call. */
  approverId?: string;
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: HandlerContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type Handlers<C extends Channel = Channel> = { [K in C]: Handler<K> };

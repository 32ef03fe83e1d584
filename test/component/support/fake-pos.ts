/**
 * A stand-in for main behind `window.pos`, for component tests. Each test says what each channel it
 * expects answers; a call to any other channel fails the test. Requests are checked with the
 * channel's request schema (an invalid one is refused as main refuses it), and every answer a test
 * writes is parsed with the channel's response schema, so a fake cannot drift from the contract.
 */
import type { AppError, ErrorCategory } from '../../../src/shared/app-error';
import {
  contract,
  isChannel,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../src/shared/ipc/contract';

/** A refusal, as main answers `{ ok: false, error }`. */
export class Refusal {
  constructor(readonly error: AppError) {}
}

export function refuse(
  category: ErrorCategory,
  code: string,
  extra: Omit<AppError, 'category' | 'code'> = {},
): Refusal {
  return new Refusal({ category, code, ...extra });
}

type Answer<C extends Channel> = ResponseOf<C> | Refusal;
export type FakeHandler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  callIndex: number,
) => Answer<C> | Promise<Answer<C>>;

export interface RecordedCall {
  channel: Channel;
  /** The request as main would receive it (after the contract's parse), or the raw one if invalid. */
  request: unknown;
  valid: boolean;
}

export class FakePos {
  private readonly handlers = new Map<Channel, FakeHandler<Channel>>();
  readonly log: RecordedCall[] = [];
  /** Contract or setup violations: reported by the setup file's afterEach, which fails the test. */
  readonly problems: string[] = [];

  /** Answers `channel` with `handler` from now on (replacing any earlier one). */
  on<C extends Channel>(channel: C, handler: FakeHandler<C> | Answer<C>): this {
    const fn: FakeHandler<C> =
      typeof handler === 'function' ? (handler as FakeHandler<C>) : () => handler as Answer<C>;
    this.handlers.set(channel, fn as unknown as FakeHandler<Channel>);
    return this;
  }

  /** The valid requests made on `channel`, in order. */
  calls<C extends Channel>(channel: C): ParsedRequestOf<C>[] {
    return this.log
      .filter((call) => call.channel === channel && call.valid)
      .map((call) => call.request as ParsedRequestOf<C>);
  }

  /** The requests main would have refused as malformed. */
  invalidCalls(): RecordedCall[] {
    return this.log.filter((call) => !call.valid);
  }

  /** The transport: what the preload's ipcRenderer.invoke would resolve to. */
  async invoke(channelName: string, raw: unknown): Promise<unknown> {
    if (!isChannel(channelName)) {
      this.problems.push(`unknown channel ${channelName}`);
      throw new Error(`unknown channel ${channelName}`);
    }
    const channel: Channel = channelName;
    const spec = contract[channel];
    const parsed = spec.request.safeParse(raw ?? {});
    if (!parsed.success) {
      this.log.push({ channel, request: raw, valid: false });
      return {
        ok: false,
        error: {
          category: 'needs_action',
          code: 'invalid_request',
          fields: parsed.error.issues.slice(0, 20).map((issue) => ({
            param: issue.path.map(String).join('.').slice(0, 100) || 'request',
            msg: issue.code.slice(0, 40),
          })),
        },
      };
    }
    this.log.push({ channel, request: parsed.data, valid: true });
    const handler = this.handlers.get(channel);
    if (!handler) {
      const message = `the screen called ${channel}, which this test did not configure`;
      this.problems.push(message);
      throw new Error(message);
    }
    const index = this.log.filter((call) => call.channel === channel && call.valid).length - 1;
    const answer = await handler(parsed.data as ParsedRequestOf<Channel>, index);
    if (answer instanceof Refusal) return { ok: false, error: answer.error };
    const checked = spec.response.safeParse(answer);
    if (!checked.success) {
      const message = `the fake answer for ${channel} breaks the contract: ${checked.error.message}`;
      this.problems.push(message);
      throw new Error(message);
    }
    return { ok: true, value: checked.data };
  }
}

export function createFakePos(): FakePos {
  return new FakePos();
}

/**
 * The IPC contract, declared once: channel name -> { request schema, response schema, roles }.
 * Main validates requests and responses against it; the preload and the browser-host shim are
 * generated from it; the renderer's types come from it.
 */
import type { z } from 'zod';
import type { IpcResult } from './result';
import { appChannels } from './channels/app';
import { applicationChannels } from './channels/application';
import { customerChannels } from './channels/customers';
import { journalChannels } from './channels/journal';
import { pricingChannels } from './channels/pricing';
import { purchaseChannels } from './channels/purchase';
import { reportChannels } from './channels/reports';
import { sessionChannels } from './channels/session';
import { settingsChannels } from './channels/settings';
import { verificationChannels } from './channels/verification';
import { approvalChannels } from './channels/approval';
import { dayChannels } from './channels/day';
import { returnChannels } from './channels/returns';
import { staffChannels } from './channels/staff';

export const contract = {
  ...appChannels,
  ...sessionChannels,
  ...settingsChannels,
  ...customerChannels,
  ...journalChannels,
  ...verificationChannels,
  ...pricingChannels,
  ...purchaseChannels,
  ...applicationChannels,
  ...reportChannels,
  ...returnChannels,
  ...staffChannels,
  ...approvalChannels,
  ...dayChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;

export const CHANNELS = Object.freeze(Object.keys(contract) as Channel[]);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What the caller passes (before defaults and trimming). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives (after parsing). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

type AreaOf<C extends string> = C extends `${infer Area}.${string}` ? Area : never;
export type Area = AreaOf<Channel>;

/** The renderer's API: `pos.customers.search(req)`, one function per channel, grouped by area. */
export type PosApi = {
  [A in Area]: {
    [C in Channel as C extends `${A}.${infer Method}` ? Method : never]: (
      request: RequestOf<C>,
    ) => Promise<IpcResult<ResponseOf<C>>>;
  };
};

/** The transport under a PosApi: Electron IPC or the browser host's HTTP. */
export type RawInvoke = (channel: Channel, request: unknown) => Promise<unknown>;

/**
 * Builds the nested PosApi from the contract over any transport. The answer is parsed against the
 * channel's result schema before the renderer sees it: a transport failure or a malformed answer
 * becomes an AppError, never an exception.
 */
import { CHANNELS, contract, type Channel, type PosApi, type RawInvoke } from './contract';
import { ipcResultSchema, type IpcResult } from './result';

const resultSchemas = new Map(CHANNELS.map((name) => [name, ipcResultSchema(contract[name].response)]));

async function call(invoke: RawInvoke, channel: Channel, request: unknown): Promise<IpcResult<unknown>> {
  let raw: unknown;
  try {
    raw = await invoke(channel, request ?? {});
  } catch {
    return { ok: false, error: { category: 'retryable', code: 'transport_failed' } };
  }
  const parsed = resultSchemas.get(channel)?.safeParse(raw);
  if (!parsed?.success) return { ok: false, error: { category: 'our_bug', code: 'response_invalid' } };
  return parsed.data as IpcResult<unknown>;
}

export function buildPosApi(invoke: RawInvoke): PosApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of CHANNELS) {
    const dot = name.indexOf('.');
    const area = name.slice(0, dot);
    const method = name.slice(dot + 1);
    const group = (api[area] ??= {});
    group[method] = (request: unknown) => call(invoke, name, request);
  }
  return api as unknown as PosApi;
}

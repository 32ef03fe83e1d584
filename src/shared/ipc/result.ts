import { z } from 'zod';
import { appErrorSchema, type AppError } from '../app-error';

/** Every IPC and browser-host call answers with this envelope; exceptions never cross the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

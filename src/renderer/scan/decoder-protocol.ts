/**
 * Messages between the screens' licence decoder and its worker. Both sides check what arrives:
 * the worker boundary is a trust boundary like any other.
 */
import { z } from 'zod';
import { MAX_INPUT_LENGTH } from '../../shared/licence/wedge-repair';
import { isFrameTurn } from './deskew';

const frameSchema = z.object({
  data: z.instanceof(Uint8ClampedArray),
  width: z.number().int().positive().max(8192),
  height: z.number().int().positive().max(8192),
});

export const decoderRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.number().int().nonnegative(),
    kind: z.literal('frame'),
    frame: frameSchema,
    /** Read the frame turned by this many degrees (0: as it is); see FRAME_TURN_CYCLE. */
    degrees: z.number().refine(isFrameTurn, 'not a frame turn'),
  }),
  z.object({ id: z.number().int().nonnegative(), kind: z.literal('file'), file: z.instanceof(Blob) }),
]);
export type DecoderRequest = z.infer<typeof decoderRequestSchema>;

export const decoderResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    id: z.number().int().nonnegative(),
    ok: z.literal(true),
    text: z.string().max(MAX_INPUT_LENGTH).nullable(),
  }),
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(false), error: z.string().max(300) }),
]);
export type DecoderResponse = z.infer<typeof decoderResponseSchema>;

/** The error a worker answers with when zxing's .wasm could not be loaded: no decode can succeed. */
export const WASM_FAILED = 'wasm_failed';

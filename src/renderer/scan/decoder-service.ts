/**
 * What the decoder worker does with each message: check it, read the barcode, answer. Kept apart
 * from the worker's start-up so tests can run it in-process against the real reader.
 */
import { decoderRequestSchema, type DecoderResponse } from './decoder-protocol';
import {
  FILE_OPTIONS,
  FRAME_OPTIONS,
  readPdf417,
  readPdf417Deskewed,
  readPdf417Turned,
} from './pdf417-reader';

/** Longest side photos are reduced to before decoding: plenty for a licence barcode. */
const MAX_PHOTO_SIDE = 2400;

async function readPhoto(file: Blob): Promise<string | null> {
  const direct = await readPdf417(file, FILE_OPTIONS).catch(() => null);
  if (direct !== null) return direct;
  // Let the browser decode what zxing's image loader cannot (WebP, EXIF orientation, huge photos).
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  // Not an image the browser can open either: there is no barcode to find.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' }).catch(() => null);
  if (!bitmap) return null;
  try {
    const ratio = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * ratio));
    const height = Math.max(1, Math.round(bitmap.height * ratio));
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await readPdf417Deskewed(ctx.getImageData(0, 0, width, height), FILE_OPTIONS);
  } finally {
    bitmap.close();
  }
}

/** The answer to one request; null when the message has no id to answer to. */
export async function handleDecoderRequest(data: unknown): Promise<DecoderResponse | null> {
  const parsed = decoderRequestSchema.safeParse(data);
  if (!parsed.success) {
    const id = (data as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? { id, ok: false, error: 'bad_request' } : null;
  }
  const req = parsed.data;
  try {
    const text =
      req.kind === 'frame'
        ? await readPdf417Turned(req.frame, req.degrees, FRAME_OPTIONS)
        : await readPhoto(req.file);
    return { id: req.id, ok: true, text };
  } catch (error) {
    // The error's name only: messages could echo input.
    return { id: req.id, ok: false, error: error instanceof Error ? error.name : 'decode_failed' };
  }
}

/**
 * Reads the PDF417 barcode on the back of a licence with zxing-wasm, from a camera frame or an image
 * file. Runs in the decoder worker (and in Node for tests and benchmarks); the caller decides where
 * the .wasm comes from (see decoder.worker.ts), never a CDN.
 */
import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import { DESKEW_ANGLES, rotateFrame } from './deskew';

/** The RGBA pixels zxing reads: a DOM ImageData or anything shaped like one. */
export interface RgbaFrame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const BASE_OPTIONS: ReaderOptions = {
  formats: ['PDF417'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};

/** Camera frames: the card may be upside down or on its side (tilt beyond ~2 degrees: readPdf417Deskewed). */
export const FRAME_OPTIONS: ReaderOptions = BASE_OPTIONS;
/** Photos: any orientation; a denoising pass helps with phone-camera grain. */
export const FILE_OPTIONS: ReaderOptions = { ...BASE_OPTIONS, tryDenoise: true };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('windows-1252');

/**
 * The card's bytes as text: UTF-8, else Windows-1252 (Latin-1); the parser repairs what is left over.
 * zxing's own `text` is not used: it spells the AAMVA separators out as "<LF>", "<RS>", "<CR>".
 */
export function decodeBarcodeBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** The barcode's text, or null when no PDF417 was found. */
export async function readPdf417(
  input: RgbaFrame | Blob | Uint8Array,
  options: ReaderOptions = FRAME_OPTIONS,
): Promise<string | null> {
  // zxing-wasm duck-types ImageData: width, height and RGBA data are all it reads.
  const results = await readBarcodes(input as ImageData | Blob | Uint8Array, options);
  const found = results.find((r) => r.isValid && r.bytes.length > 0);
  return found ? decodeBarcodeBytes(found.bytes) : null;
}

/**
 * Like readPdf417 on pixels, then, when nothing was found, on copies turned by small angles: for
 * cards held at a slant (see deskew.ts). Costs a few extra passes only on frames without a read.
 */
export async function readPdf417Deskewed(
  frame: RgbaFrame,
  options: ReaderOptions = FRAME_OPTIONS,
  angles: readonly number[] = DESKEW_ANGLES,
): Promise<string | null> {
  const direct = await readPdf417(frame, options);
  if (direct !== null) return direct;
  // The turned copies are for a card held nearly level: the 90-degree passes would only add time.
  const level = { ...options, tryRotate: false };
  for (const angle of angles) {
    const text = await readPdf417(rotateFrame(frame, angle), level);
    if (text !== null) return text;
  }
  return null;
}

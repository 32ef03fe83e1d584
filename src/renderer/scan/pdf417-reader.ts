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

/** One pass: the pixels as they are (0), or a copy turned by `degrees` (see deskew.ts). */
export async function readPdf417Turned(
  frame: RgbaFrame,
  degrees: number,
  options: ReaderOptions = FRAME_OPTIONS,
): Promise<string | null> {
  if (degrees === 0) return readPdf417(frame, options);
  // The turned copies are for a card held nearly level: the 90-degree passes would only add time.
  return readPdf417(rotateFrame(frame, degrees), { ...options, tryRotate: false });
}

/**
 * Like readPdf417 on pixels, then, when nothing was found, on copies turned by small angles: for
 * a photo of a card at a slant, which has no next frame to try the next angle on.
 */
export async function readPdf417Deskewed(
  frame: RgbaFrame,
  options: ReaderOptions = FRAME_OPTIONS,
  angles: readonly number[] = DESKEW_ANGLES,
): Promise<string | null> {
  for (const degrees of [0, ...angles]) {
    const text = await readPdf417Turned(frame, degrees, options);
    if (text !== null) return text;
  }
  return null;
}

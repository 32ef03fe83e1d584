/**
 * zxing's PDF417 reader gives up on a symbol tilted more than about 2 degrees, and a card held
 * under a camera is rarely that level. When a frame yields nothing, it is tried again turned by a
 * few small angles. Pure computation on RGBA pixels: runs in the worker and in Node alike.
 */
import type { RgbaFrame } from './pdf417-reader';

/** Tried in this order after the frame as it is; together they cover tilts up to about 11 degrees. */
export const DESKEW_ANGLES: readonly number[] = [4, -4, 8, -8];

/**
 * The camera's frames take one pass each, in this turn: every other frame as it is (a level card
 * reads at once), the others each turned by one angle. A frame costs one zxing pass, not five,
 * and a card held at a slant still reads within one round of frames (about a quarter second).
 */
export const FRAME_TURN_CYCLE: readonly number[] = DESKEW_ANGLES.flatMap((angle) => [0, angle]);

/** An angle a frame may be asked to be turned by: 0 (as it is) or one of DESKEW_ANGLES. */
export function isFrameTurn(degrees: number): boolean {
  return degrees === 0 || DESKEW_ANGLES.includes(degrees);
}

/** The frame turned by `degrees` about its centre (same size; corners filled with the mean grey). */
export function rotateFrame(frame: RgbaFrame, degrees: number): RgbaFrame {
  const { width, height, data } = frame;
  const luma = new Uint8Array(width * height);
  let sum = 0;
  for (let i = 0, p = 0; i < luma.length; i += 1, p += 4) {
    const v = ((data[p] ?? 0) * 77 + (data[p + 1] ?? 0) * 150 + (data[p + 2] ?? 0) * 29) >> 8;
    luma[i] = v;
    sum += v;
  }
  const fill = luma.length > 0 ? Math.round(sum / luma.length) : 0;
  const rad = (degrees * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const dy = y - cy;
    // Inverse mapping, nearest neighbour: each output pixel looks up its source.
    let sx = cos * -cx + sin * dy + cx;
    let sy = -sin * -cx + cos * dy + cy;
    for (let x = 0, p = y * width * 4; x < width; x += 1, p += 4) {
      const ix = sx | 0;
      const iy = sy | 0;
      const v = ix >= 0 && iy >= 0 && ix < width && iy < height ? (luma[iy * width + ix] ?? fill) : fill;
      out[p] = v;
      out[p + 1] = v;
      out[p + 2] = v;
      out[p + 3] = 255;
      sx += cos;
      sy -= sin;
    }
  }
  return { data: out, width, height };
}

/**
 * Scans a licence with the terminal's camera: opens it (back camera preferred, 1280x720), copies a
 * frame to a canvas every few hundred milliseconds, hands it to the decoder worker, and stops the
 * camera after the first good read. Frames are never kept: each goes to the worker and is dropped.
 */
import { CameraError, toCameraError } from './camera-error';
import { createLicenceDecoder, DecoderError, type LicenceDecoder } from './pdf417-decoder';

export { CameraError, type CameraErrorKind } from './camera-error';

export interface CameraOptions {
  /** The barcode's raw text (pass it to parseAamva). The camera is already stopped. */
  onText(raw: string): void;
  /** The camera could not be opened or stopped working. The camera is already stopped. */
  onError(error: CameraError): void;
  /** Texts for which this returns false are ignored and scanning goes on (e.g. another barcode). */
  accept?: (raw: string) => boolean;
  /** Defaults to a decoder of its own, disposed with the session. */
  decoder?: LicenceDecoder;
  /** Pause between one decode finishing and the next frame, ms. */
  frameIntervalMs?: number;
}

export interface CameraSession {
  /** Stops the camera and the scanning; safe to call more than once, and before the camera opened. */
  stop(): void;
  /** Resolves true once frames are being scanned, false if the camera never opened. */
  readonly ready: Promise<boolean>;
}

export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 1280 },
    height: { ideal: 720 },
  },
};

type FrameCanvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(width: number, height: number): FrameCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: FrameCanvas): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: true }) as
    CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
}

const HAVE_CURRENT_DATA = 2;

/**
 * The pause between one decode's answer and the next frame. A frame costs one zxing pass (10-30 ms),
 * so the worker stays at about a third of one core while the camera is open, and a card held at a
 * slant, read on the frame turned its way, reads in about half a second.
 */
export const FRAME_INTERVAL_MS = 50;

export function openCamera(video: HTMLVideoElement, opts: CameraOptions): CameraSession {
  const interval = opts.frameIntervalMs ?? FRAME_INTERVAL_MS;
  const ownDecoder = !opts.decoder;
  const decoder = opts.decoder ?? createLicenceDecoder();
  let stopped = false;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let canvas: FrameCanvas | null = null;

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    // Drop the last frame's pixels.
    if (canvas) {
      canvas.width = 0;
      canvas.height = 0;
    }
    if (ownDecoder) decoder.dispose();
  }

  function fail(error: unknown): void {
    if (stopped) return;
    stop();
    opts.onError(
      error instanceof DecoderError ? new CameraError('decoder_failed', error.code) : toCameraError(error),
    );
  }

  function grabFrame(): ImageData | null {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (video.readyState < HAVE_CURRENT_DATA || width === 0 || height === 0) return null;
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = makeCanvas(width, height);
    const ctx = context2d(canvas);
    if (!ctx) throw new CameraError('failed', 'no 2d context');
    ctx.drawImage(video, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    const frame = grabFrame();
    if (frame) {
      const text = await decoder.decodeFrame(frame);
      if (stopped) return;
      if (text !== null && (opts.accept?.(text) ?? true)) {
        stop();
        opts.onText(text);
        return;
      }
    }
    timer = setTimeout(() => void tick().catch(fail), interval);
  }

  const ready = (async (): Promise<boolean> => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media || typeof media.getUserMedia !== 'function') throw new CameraError('unsupported');
    const s = await media.getUserMedia(CAMERA_CONSTRAINTS);
    if (stopped) {
      for (const track of s.getTracks()) track.stop();
      return false;
    }
    stream = s;
    // Unplugged or taken over by the system mid-scan.
    s.getVideoTracks()[0]?.addEventListener('ended', () => fail(new CameraError('no_camera', 'ended')));
    video.muted = true;
    video.playsInline = true;
    video.srcObject = s;
    await video.play();
    if (stopped) return false;
    timer = setTimeout(() => void tick().catch(fail), 0);
    return true;
  })().catch((error: unknown) => {
    fail(error);
    return false;
  });

  return { stop, ready };
}

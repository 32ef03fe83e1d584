/**
 * The screens' licence barcode decoder: hands camera frames and image files to a Web Worker running
 * zxing-wasm and returns the barcode's raw text (for parseAamva). The worker, and with it the
 * .wasm, is created on the first decode, so nothing loads until the camera or an image is used.
 * At most one decode runs at a time: frames arriving meanwhile are dropped, files wait their turn.
 * Each frame costs one pass: as it is, or turned by the next angle of FRAME_TURN_CYCLE.
 */
import { decoderResponseSchema, WASM_FAILED, type DecoderRequest } from './decoder-protocol';
import { FRAME_TURN_CYCLE } from './deskew';

/** What the decoder needs of a Worker (a real one in the app; tests may run the reader in-process). */
export interface DecoderWorker {
  postMessage(message: DecoderRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type DecoderErrorCode = 'worker_failed' | 'decode_failed' | 'timeout' | 'disposed';

export class DecoderError extends Error {
  constructor(readonly code: DecoderErrorCode) {
    super(`Licence barcode decoder: ${code}`);
    this.name = 'DecoderError';
  }
}

export interface LicenceDecoder {
  /** The barcode text in the frame, or null (none found, or dropped because a decode is running). */
  decodeFrame(imageData: ImageData): Promise<string | null>;
  /** The barcode text in an image file (PNG, JPEG...), or null. */
  decodeFile(file: Blob): Promise<string | null>;
  /** True while a decode is running or a file is waiting. */
  readonly busy: boolean;
  dispose(): void;
}

export interface LicenceDecoderOptions {
  createWorker?: () => DecoderWorker;
  /** Longest a decode may take before it is given up, ms. */
  timeoutMs?: number;
}

function createModuleWorker(): DecoderWorker {
  return new Worker(new URL('./decoder.worker.ts', import.meta.url), {
    type: 'module',
    name: 'licence-decoder',
  });
}

interface Pending {
  resolve(text: string | null): void;
  reject(error: DecoderError): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createLicenceDecoder(opts: LicenceDecoderOptions = {}): LicenceDecoder {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let worker: DecoderWorker | null = null;
  let failed = false;
  let disposed = false;
  let nextId = 1;
  let framesSent = 0;
  let current: Promise<string | null> | null = null;
  let filesWaiting = 0;
  const pending = new Map<number, Pending>();

  const failAll = (code: DecoderErrorCode): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(new DecoderError(code));
    }
  };

  function getWorker(): DecoderWorker {
    if (worker) return worker;
    const w = (opts.createWorker ?? createModuleWorker)();
    w.onmessage = (event) => {
      const res = decoderResponseSchema.safeParse(event.data);
      if (!res.success) return;
      const p = pending.get(res.data.id);
      if (!p) return;
      pending.delete(res.data.id);
      clearTimeout(p.timer);
      if (res.data.ok) {
        p.resolve(res.data.text);
      } else if (res.data.error === WASM_FAILED) {
        failed = true;
        p.reject(new DecoderError('worker_failed'));
        failAll('worker_failed');
      } else {
        p.reject(new DecoderError('decode_failed'));
      }
    };
    w.onerror = (event) => {
      // The worker script or its .wasm failed to load (missing file, CSP): no decode can succeed.
      event.preventDefault?.();
      failed = true;
      failAll('worker_failed');
    };
    worker = w;
    return w;
  }

  function send(request: DecoderRequest, transfer: Transferable[]): Promise<string | null> {
    if (disposed) return Promise.reject(new DecoderError('disposed'));
    if (failed) return Promise.reject(new DecoderError('worker_failed'));
    const w = getWorker();
    const p = new Promise<string | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(request.id);
        reject(new DecoderError('timeout'));
      }, timeoutMs);
      pending.set(request.id, { resolve, reject, timer });
    });
    w.postMessage(request, transfer);
    const tracked = p.finally(() => {
      if (current === tracked) current = null;
    });
    current = tracked;
    return tracked;
  }

  return {
    get busy() {
      return current !== null || filesWaiting > 0;
    },

    decodeFrame(imageData: ImageData): Promise<string | null> {
      if (current !== null || filesWaiting > 0) return Promise.resolve(null);
      const { data, width, height } = imageData;
      const degrees = FRAME_TURN_CYCLE[framesSent % FRAME_TURN_CYCLE.length] ?? 0;
      framesSent += 1;
      // The pixels move to the worker (no copy); the caller's frame is emptied, never kept.
      return send({ id: nextId++, kind: 'frame', frame: { data, width, height }, degrees }, [
        data.buffer as ArrayBuffer,
      ]);
    },

    async decodeFile(file: Blob): Promise<string | null> {
      filesWaiting += 1;
      try {
        while (current !== null) await current.catch(() => null);
      } finally {
        filesWaiting -= 1;
      }
      return send({ id: nextId++, kind: 'file', file }, []);
    },

    dispose(): void {
      disposed = true;
      failAll('disposed');
      worker?.terminate();
      worker = null;
    },
  };
}

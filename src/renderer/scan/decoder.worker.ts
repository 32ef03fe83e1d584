/**
 * The licence decoder's Web Worker: zxing-wasm runs here, off the screen's thread, and is only
 * loaded when the camera or an image is used. The .wasm comes from our own bundle (the app has no
 * internet and a strict CSP), never from zxing-wasm's default CDN. Frames are read and dropped.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule } from 'zxing-wasm/reader';
import { WASM_FAILED, type DecoderResponse } from './decoder-protocol';
import { handleDecoderRequest } from './decoder-service';

// Loads as the worker starts (the worker itself starts on the first decode). If the .wasm cannot be
// fetched or compiled (a CSP without 'wasm-unsafe-eval'), every request is answered with the failure
// instead of waiting forever.
const zxingReady: Promise<unknown> = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
  fireImmediately: true,
});

/** The worker global, typed by hand: the DOM and WebWorker libs cannot share one program. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: DecoderResponse): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const data: unknown = event.data;
  zxingReady
    .then(
      () => handleDecoderRequest(data),
      (): DecoderResponse | null => {
        const id = (data as { id?: unknown } | null)?.id;
        return typeof id === 'number' ? { id, ok: false, error: WASM_FAILED } : null;
      },
    )
    .then((response) => {
      if (response) scope.postMessage(response);
    })
    .catch(() => undefined);
};

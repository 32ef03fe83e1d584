/**
 * jsdom has no Web Workers: this stands in for the licence decoder's worker by running the same
 * request handler (and the real zxing-wasm reader) in the test's own thread.
 */
import type { DecoderResponse } from '../../../src/renderer/scan/decoder-protocol';
import { handleDecoderRequest } from '../../../src/renderer/scan/decoder-service';
import { prepareZxingForNode } from '../../fixtures/camera/zxing-node';

export class InProcessDecoderWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private terminated = false;

  postMessage(message: unknown): void {
    void prepareZxingForNode()
      .then(() => handleDecoderRequest(message))
      .then((response: DecoderResponse | null) => {
        if (response && !this.terminated) this.onmessage?.(new MessageEvent('message', { data: response }));
      });
  }

  terminate(): void {
    this.terminated = true;
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import { parseAamva } from '../../../src/shared/licence/aamva';
import { toCameraError } from '../../../src/renderer/scan/camera-error';
import type { DecoderRequest } from '../../../src/renderer/scan/decoder-protocol';
import { handleDecoderRequest } from '../../../src/renderer/scan/decoder-service';
import { FRAME_TURN_CYCLE } from '../../../src/renderer/scan/deskew';
import {
  createLicenceDecoder,
  DecoderError,
  type DecoderWorker,
} from '../../../src/renderer/scan/pdf417-decoder';
import { barcodeFrame } from '../../fixtures/camera/make-y4m';
import { renderPdf417Png } from '../../fixtures/camera/render-pdf417';
import { blankImage } from '../../fixtures/camera/rgba-image';
import { prepareZxingForNode } from '../../fixtures/camera/zxing-node';
import { SAMPLES } from '../../fixtures/licences/samples';

beforeAll(async () => {
  await prepareZxingForNode();
});

/**
 * Stands in for the browser's Worker: runs the worker's real request handler in-process and
 * answers asynchronously, as postMessage does. Counts what reaches it.
 */
class InProcessWorker implements DecoderWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: DecoderRequest[] = [];
  transferred: Transferable[][] = [];
  terminated = false;

  postMessage(message: DecoderRequest, transfer: Transferable[]): void {
    this.received.push(message);
    this.transferred.push(transfer);
    setTimeout(() => {
      void handleDecoderRequest(message).then((response) => {
        if (response && !this.terminated) this.onmessage?.({ data: response } as MessageEvent<unknown>);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const asImageData = (img: { data: Uint8ClampedArray; width: number; height: number }): ImageData =>
  img as unknown as ImageData;

const onV08 = SAMPLES.ON_V08?.raw ?? '';

describe('createLicenceDecoder', () => {
  it('creates its worker only on the first decode', async () => {
    let created = 0;
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({
      createWorker: () => {
        created += 1;
        return worker;
      },
    });
    expect(created).toBe(0);
    const text = await decoder.decodeFrame(asImageData(barcodeFrame(onV08)));
    expect(created).toBe(1);
    const parsed = parseAamva(text ?? '');
    expect(parsed.ok && parsed.licence.lastName).toBe('PATEL');
    decoder.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('hands the frame pixels over to the worker instead of keeping them', async () => {
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({ createWorker: () => worker });
    const frame = barcodeFrame(onV08);
    await decoder.decodeFrame(asImageData(frame));
    expect(worker.transferred[0]).toEqual([frame.data.buffer]);
    decoder.dispose();
  });

  it('keeps at most one decode in flight and drops frames meanwhile', async () => {
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({ createWorker: () => worker });
    const first = decoder.decodeFrame(asImageData(barcodeFrame(onV08)));
    expect(decoder.busy).toBe(true);
    const dropped = await decoder.decodeFrame(asImageData(barcodeFrame(onV08)));
    expect(dropped).toBeNull();
    expect(worker.received).toHaveLength(1);
    expect(parseAamva((await first) ?? '').ok).toBe(true);
    expect(decoder.busy).toBe(false);
    decoder.dispose();
  });

  it('reads a card held at a slant within one round of frames, one pass per frame', async () => {
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({ createWorker: () => worker });
    const qc = SAMPLES.QC_V04_ACCENTED?.raw ?? '';
    let text: string | null = null;
    let frames = 0;
    while (text === null && frames < FRAME_TURN_CYCLE.length) {
      text = await decoder.decodeFrame(asImageData(barcodeFrame(qc, { degrees: -6 })));
      frames += 1;
    }
    const parsed = parseAamva(text ?? '');
    expect(parsed.ok && parsed.licence.lastName).toBe('BÉLANGER-CÔTÉ');
    // As it is first (no read at -6 degrees), then the cycle's turns in order until one reads.
    const asked = worker.received.map((r) => (r.kind === 'frame' ? r.degrees : null));
    expect(asked).toEqual(FRAME_TURN_CYCLE.slice(0, frames));
    expect(asked[0]).toBe(0);
    expect(frames).toBeGreaterThan(1);
    decoder.dispose();
  });

  it('queues an image file behind a running frame instead of dropping it', async () => {
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({ createWorker: () => worker });
    const png = await renderPdf417Png(SAMPLES.NB_V02_MMDDCCYY?.raw ?? '', { moduleSize: 3 });
    const frame = decoder.decodeFrame(asImageData(blankImage(640, 360, 128)));
    const file = decoder.decodeFile(new Blob([new Uint8Array(png)], { type: 'image/png' }));
    // Frames are dropped while the file waits its turn.
    expect(await decoder.decodeFrame(asImageData(blankImage(64, 64, 128)))).toBeNull();
    expect(await frame).toBeNull();
    const parsed = parseAamva((await file) ?? '');
    expect(parsed.ok && parsed.licence.lastName).toBe('LEBLANC');
    expect(worker.received.map((r) => r.kind)).toEqual(['frame', 'file']);
    decoder.dispose();
  });

  it('finds nothing in a file that is not an image', async () => {
    const decoder = createLicenceDecoder({ createWorker: () => new InProcessWorker() });
    expect(await decoder.decodeFile(new Blob(['not an image']))).toBeNull();
    decoder.dispose();
  });

  it('fails every decode once the worker cannot load', async () => {
    const worker = new InProcessWorker();
    worker.postMessage = () => undefined;
    const decoder = createLicenceDecoder({ createWorker: () => worker });
    const pending = decoder.decodeFrame(asImageData(blankImage(8, 8, 0)));
    worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).rejects.toMatchObject({ code: 'worker_failed' });
    await expect(decoder.decodeFrame(asImageData(blankImage(8, 8, 0)))).rejects.toBeInstanceOf(DecoderError);
  });

  it('gives up on a decode that never answers', async () => {
    const worker = new InProcessWorker();
    worker.postMessage = () => undefined;
    const decoder = createLicenceDecoder({ createWorker: () => worker, timeoutMs: 20 });
    await expect(decoder.decodeFrame(asImageData(blankImage(8, 8, 0)))).rejects.toMatchObject({
      code: 'timeout',
    });
    expect(decoder.busy).toBe(false);
  });

  it('ignores answers that do not match the protocol', async () => {
    const worker = new InProcessWorker();
    const decoder = createLicenceDecoder({ createWorker: () => worker, timeoutMs: 50 });
    worker.postMessage = (message) => {
      setTimeout(() =>
        worker.onmessage?.({ data: { id: message.id, ok: true, text: 42 } } as MessageEvent<unknown>),
      );
    };
    await expect(decoder.decodeFrame(asImageData(blankImage(8, 8, 0)))).rejects.toMatchObject({
      code: 'timeout',
    });
  });
});

describe('decoder worker requests', () => {
  it('answers a malformed request with an error and no text', async () => {
    expect(
      await handleDecoderRequest({ id: 3, kind: 'frame', frame: { data: [1, 2], width: 1, height: 1 } }),
    ).toEqual({ id: 3, ok: false, error: 'bad_request' });
    expect(await handleDecoderRequest('hello')).toBeNull();
  });

  it('turns a frame only by the angles of the cycle', async () => {
    const frame = blankImage(8, 8, 0);
    expect(await handleDecoderRequest({ id: 4, kind: 'frame', frame, degrees: 45 })).toEqual({
      id: 4,
      ok: false,
      error: 'bad_request',
    });
    expect(await handleDecoderRequest({ id: 5, kind: 'frame', frame, degrees: -8 })).toEqual({
      id: 5,
      ok: true,
      text: null,
    });
  });
});

describe('camera errors', () => {
  it('tells the screen plainly why the camera is unavailable', () => {
    const dom = (name: string): Error => Object.assign(new Error('x'), { name });
    expect(toCameraError(dom('NotFoundError')).kind).toBe('no_camera');
    expect(toCameraError(dom('NotAllowedError')).kind).toBe('permission_denied');
    expect(toCameraError(dom('NotReadableError')).kind).toBe('in_use');
    expect(toCameraError(dom('OverconstrainedError')).kind).toBe('no_camera');
    expect(toCameraError(new TypeError('no mediaDevices')).kind).toBe('unsupported');
    expect(toCameraError('weird').kind).toBe('failed');
    expect(toCameraError(dom('NotAllowedError')).domName).toBe('NotAllowedError');
  });
});

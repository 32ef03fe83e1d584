/**
 * The in-page half of decoder-worker.bench.ts, bundled with esbuild and loaded by a page served
 * beside the built renderer. It drives the built decoder worker through the app's own client
 * (createLicenceDecoder), so each timed round trip is what the camera pays per frame: the frame's
 * pixels transferred to the worker, the worker's check, zxing-wasm in Chromium, and the answer back.
 */
import { createLicenceDecoder, type LicenceDecoder } from '../src/renderer/scan/pdf417-decoder';

export interface PageFrame {
  /** Same-origin URL of the frame's raw RGBA bytes. */
  url: string;
  width: number;
  height: number;
}

export interface PageRoundTrips {
  /** ms from decodeFrame() to its answer, one per frame sent. */
  times: number[];
  /** What each answer held (null: no barcode found), in the same order. */
  texts: Array<string | null>;
}

export interface DecoderBenchApi {
  /** Fetches the frames into the page, so nothing is downloaded while a decode is timed. */
  load(frames: PageFrame[]): Promise<void>;
  /** A new decoder (and worker, created on its first decode) from this page's worker URL. */
  start(workerUrl: string): void;
  /** Sends `count` frames in turn, cycling through `indexes` of the loaded frames. */
  roundTrips(indexes: number[], count: number): Promise<PageRoundTrips>;
  /** Sends one loaded frame again and again, as a held card gives, until it reads or `max` frames. */
  untilRead(index: number, max: number): Promise<PageRoundTrips>;
  stop(): void;
}

const loaded: Array<{ bytes: Uint8ClampedArray; width: number; height: number }> = [];
let decoder: LicenceDecoder | null = null;

async function load(frames: PageFrame[]): Promise<void> {
  loaded.length = 0;
  for (const frame of frames) {
    const response = await fetch(frame.url);
    if (!response.ok) throw new Error(`frame ${frame.url}: HTTP ${response.status}`);
    const bytes = new Uint8ClampedArray(await response.arrayBuffer());
    if (bytes.length !== frame.width * frame.height * 4) throw new Error(`frame ${frame.url}: wrong size`);
    loaded.push({ bytes, width: frame.width, height: frame.height });
  }
}

function start(workerUrl: string): void {
  decoder?.dispose();
  // The app's client with only the worker's address supplied: the Vite-built worker asset is the
  // one the app's bundle points at (the bench checks), loaded as a module worker like the app does.
  decoder = createLicenceDecoder({
    createWorker: () => new Worker(workerUrl, { type: 'module', name: 'licence-decoder' }),
  });
}

async function roundTrips(indexes: number[], count: number): Promise<PageRoundTrips> {
  if (!decoder) throw new Error('start() first');
  const times: number[] = [];
  const texts: Array<string | null> = [];
  for (let i = 0; i < count; i += 1) {
    const frame = loaded[indexes[i % indexes.length] ?? -1];
    if (!frame) throw new Error(`no loaded frame for run ${i}`);
    // A fresh ImageData per frame, as the camera's canvas gives; decodeFrame transfers (empties) it.
    const image = new ImageData(new Uint8ClampedArray(frame.bytes), frame.width, frame.height);
    // A busy decoder drops the frame and answers null: that would pass for "no barcode".
    if (decoder.busy) throw new Error(`decoder busy before run ${i}`);
    const started = performance.now();
    const text = await decoder.decodeFrame(image);
    times.push(performance.now() - started);
    if (image.data.byteLength !== 0) throw new Error('the frame was copied, not transferred');
    texts.push(text);
  }
  return { times, texts };
}

async function untilRead(index: number, max: number): Promise<PageRoundTrips> {
  const times: number[] = [];
  const texts: Array<string | null> = [];
  for (let i = 0; i < max; i += 1) {
    const one = await roundTrips([index], 1);
    times.push(...one.times);
    texts.push(...one.texts);
    if (one.texts[0] !== null) break;
  }
  return { times, texts };
}

function stop(): void {
  decoder?.dispose();
  decoder = null;
}

const api: DecoderBenchApi = { load, start, roundTrips, untilRead, stop };
(globalThis as unknown as { decoderBench: DecoderBenchApi }).decoderBench = api;

/**
 * Licence scanning as the camera pays for it: a 1280x720 frame sent to the real, Vite-built decoder
 * Web Worker in Debian's Chromium and answered (post -> answer), through the app's own decoder client.
 * scan.bench.ts times zxing-wasm alone in Node; this adds the worker, the browser's wasm and the frame
 * transfer. Every answer is checked: a frame that does not decode to its licence's text (or a blank
 * frame that "finds" one) fails the bench instead of giving a time.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { readStatic } from '../src/main/browser-host/static-files';
import { FRAME_INTERVAL_MS } from '../src/renderer/scan/camera';
import { FRAME_TURN_CYCLE } from '../src/renderer/scan/deskew';
import { CONTENT_SECURITY_POLICY } from '../src/shared/content-security-policy';
import { barcodeFrame } from '../test/fixtures/camera/make-y4m';
import { addNoise, blankImage, type RgbaImage } from '../test/fixtures/camera/rgba-image';
import { hasChromium, launchChromium, CHROMIUM } from '../test/e2e/support/chromium';
import { ensureBuilt, RENDERER } from '../test/e2e/support/renderer-build';
import { SAMPLES } from '../test/fixtures/licences/samples';
import { percentile, type BenchSection } from './bench-types';
import type { DecoderBenchApi, PageFrame, PageRoundTrips } from './decoder-worker-page';

const FRAMES = 30;
const WARMUP = 3;
/** Cold starts, each in a fresh browser context (its own HTTP and code caches). */
const COLD_STARTS = 5;
/** Tilted-card reads timed, each from wherever the frame-turn cycle stands. */
const TILT_TRIALS = 12;
const WIDTH = 1280;
const HEIGHT = 720;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { median: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)) };
}

/** The worker asset the built app creates: named in the app's own bundle, not guessed from the folder. */
function builtWorker(root: string): string {
  const assets = readdirSync(join(root, 'assets'));
  const names = new Set<string>();
  for (const file of assets.filter((f) => f.endsWith('.js') && !f.startsWith('decoder.worker-'))) {
    const code = readFileSync(join(root, 'assets', file), 'utf8');
    for (const match of code.matchAll(/decoder\.worker-[\w-]+\.js/g)) names.add(match[0]);
  }
  const [name, ...others] = [...names];
  if (!name || others.length > 0) {
    throw new Error(`expected the app bundle to name one decoder worker, found ${names.size}`);
  }
  if (!assets.includes(name)) throw new Error(`the app bundle names ${name}, which was not built`);
  return `assets/${name}`;
}

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'decoder-worker-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no page script');
  return out.text;
}

/**
 * Serves a copy of the built renderer (other work may rebuild out/ meanwhile) with the app's
 * Content-Security-Policy on every answer, so the worker compiles zxing's wasm under the same rules
 * as in the app; plus the bench page, its script and the frames.
 */
function serve(root: string, script: string, frames: RgbaImage[]): Promise<{ server: Server; url: string }> {
  const page = '<!doctype html><meta charset="utf-8"><script type="module" src="/bench/page.js"></script>';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, type: string, body: string | Uint8Array): void => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(body);
    };
    if (path === '/bench/') return send(200, 'text/html; charset=utf-8', page);
    if (path === '/bench/page.js') return send(200, 'text/javascript; charset=utf-8', script);
    const frame = /^\/bench\/frames\/(\d+)\.rgba$/.exec(path);
    if (frame) {
      const img = frames[Number(frame[1])];
      if (img)
        return send(
          200,
          'application/octet-stream',
          new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength),
        );
      return send(404, 'text/plain', 'no such frame');
    }
    void readStatic(root, path).then(
      (file) => {
        if (file.kind === 'file') send(200, file.contentType, file.body);
        else send(file.kind === 'refused' ? 403 : 404, 'text/plain', file.kind);
      },
      () => send(500, 'text/plain', 'error'),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

async function openBenchPage(browser: Browser, url: string, frames: PageFrame[]): Promise<Page> {
  const context = await browser.newContext();
  // tsx keeps function names with a `__name` helper the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(`${url}/bench/`);
  await page.waitForFunction(() => 'decoderBench' in globalThis, undefined, { timeout: 30_000 });
  await page.evaluate(
    (list) => (globalThis as unknown as { decoderBench: DecoderBenchApi }).decoderBench.load(list),
    frames,
  );
  return page;
}

function roundTrips(page: Page, indexes: number[], count: number): Promise<PageRoundTrips> {
  return page.evaluate(
    ([list, n]) =>
      (globalThis as unknown as { decoderBench: DecoderBenchApi }).decoderBench.roundTrips(list, n),
    [indexes, count] as const,
  );
}

function untilRead(page: Page, index: number, max: number): Promise<PageRoundTrips> {
  return page.evaluate(
    ([i, n]) => (globalThis as unknown as { decoderBench: DecoderBenchApi }).decoderBench.untilRead(i, n),
    [index, max] as const,
  );
}

function startDecoder(page: Page, workerUrl: string): Promise<void> {
  return page.evaluate(
    (u) => (globalThis as unknown as { decoderBench: DecoderBenchApi }).decoderBench.start(u),
    workerUrl,
  );
}

/**
 * Throws unless every answer is the expected one (text, or null for frames without a barcode). With
 * `misses`, a frame with a card may also come back empty (a turned pass of a level card), but never
 * with another text, and at least `misses.minReads` of the frames must read.
 */
function check(
  what: string,
  result: PageRoundTrips,
  expected: Array<string | null>,
  misses?: { minReads: number },
): void {
  const reads = result.texts.filter((text) => text !== null).length;
  if (misses && reads < misses.minReads) {
    throw new Error(`${what}: ${reads} of ${result.texts.length} frames read, expected ${misses.minReads}`);
  }
  result.texts.forEach((text, i) => {
    const want = expected[i % expected.length];
    if (text === want || (misses && text === null)) return;
    const got = text === null ? 'no barcode' : `${text.length} chars not matching`;
    throw new Error(
      `${what}, frame ${i}: expected ${want === null ? 'no barcode' : 'the licence'}, got ${got}`,
    );
  });
}

export default async function (): Promise<BenchSection> {
  if (!hasChromium) throw new Error(`${CHROMIUM} missing: the worker cannot be timed`);
  ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'flexiti-bench-worker-'));
  const held: Held = {};
  try {
    cpSync(RENDERER, root, { recursive: true });
    return await measure(root, held);
  } finally {
    await held.browser?.close();
    const server = held.server;
    if (server) await new Promise((resolve) => server.close(resolve));
    if (existsSync(root)) rmSync(root, { recursive: true, force: true });
  }
}

/** What measure() opened, for the caller to close however it ends. */
interface Held {
  server?: Server;
  browser?: Browser;
}

async function measure(root: string, held: Held): Promise<BenchSection> {
  const workerUrl = `/${builtWorker(root)}`;
  const raws = ['ON_V08', 'QC_V04_ACCENTED', 'NB_V02_MMDDCCYY'].map((n) => {
    const raw = SAMPLES[n]?.raw;
    if (!raw) throw new Error(`no licence sample ${n}`);
    return raw;
  });
  // The same frames as scan.bench.ts: a held card at slightly different places and angles, blank
  // (noisy) frames, and cards tilted past zxing's ~2 degrees, which the worker turns back.
  const withCard = raws.flatMap((raw, i) =>
    [0, 1].map((j) =>
      addNoise(barcodeFrame(raw, { dx: j * 40 - 20, dy: i * 15, degrees: j - 0.5 }), 6, i * 2 + j),
    ),
  );
  const withCardText = raws.flatMap((raw) => [raw, raw]);
  const empty = [9, 10, 11].map((seed) => addNoise(blankImage(WIDTH, HEIGHT, 120), 20, seed));
  const tilted = raws.map((raw, i) => barcodeFrame(raw, { degrees: i % 2 ? -6 : 5 }));
  const frames = [...withCard, ...empty, ...tilted];
  for (const f of frames) {
    if (f.width !== WIDTH || f.height !== HEIGHT) throw new Error('fixture frame is not 1280x720');
  }
  const at = (start: number, n: number): number[] => Array.from({ length: n }, (_, i) => start + i);
  const cardIdx = at(0, withCard.length);
  const emptyIdx = at(withCard.length, empty.length);
  const tiltIdx = at(withCard.length + empty.length, tilted.length);
  const pageFrames: PageFrame[] = frames.map((f, i) => ({
    url: `/bench/frames/${i}.rgba`,
    width: f.width,
    height: f.height,
  }));

  const { server, url } = await serve(root, await pageScript(), frames);
  held.server = server;
  const browser = await launchChromium();
  held.browser = browser;

  // Cold start: a new context and worker, so the first frame pays for the worker script and the
  // .wasm being fetched and compiled.
  const cold: number[] = [];
  for (let i = 0; i < COLD_STARTS; i += 1) {
    const page = await openBenchPage(browser, url, [pageFrames[i % withCard.length] as PageFrame]);
    await startDecoder(page, workerUrl);
    const first = await roundTrips(page, [0], 1);
    check(`cold start ${i + 1}`, first, [withCardText[i % withCard.length] ?? '']);
    cold.push(...first.times);
    await page.context().close();
  }

  const page = await openBenchPage(browser, url, pageFrames);
  await startDecoder(page, workerUrl);
  const timed = async (
    what: string,
    idx: number[],
    expected: Array<string | null>,
    misses?: { minReads: number },
  ): Promise<number[]> => {
    const result = await roundTrips(page, idx, WARMUP + FRAMES);
    check(what, result, expected, misses);
    return result.times.slice(WARMUP);
  };
  // The first warm-up frames of the first case also take the worker's start: not counted. Every
  // other frame is read turned, so a level card reads on the frames taken as they are: about half.
  const found = stats(
    await timed('frame with barcode', cardIdx, withCardText, { minReads: Math.floor((WARMUP + FRAMES) / 2) }),
  );
  const none = stats(await timed('frame without barcode', emptyIdx, [null]));
  // A card reads on the frame whose pass suits it: time and frames from the card's first frame to
  // its read, starting wherever the client's cycle happens to be.
  const toRead = async (what: string, idx: number[], texts: string[]) => {
    const ms: number[] = [];
    const frames: number[] = [];
    const camera: number[] = [];
    for (let i = 0; i < TILT_TRIALS; i += 1) {
      const k = i % idx.length;
      const result = await untilRead(page, idx[k] ?? -1, 2 * FRAME_TURN_CYCLE.length);
      if (result.texts[result.texts.length - 1] !== texts[k]) {
        throw new Error(`${what} ${i}: not read within two rounds of frames`);
      }
      const busy = result.times.reduce((a, b) => a + b, 0);
      ms.push(busy);
      frames.push(result.times.length);
      // As the camera loop runs it: the app's pause between an answer and the next frame, added.
      camera.push(busy + (result.times.length - 1) * FRAME_INTERVAL_MS);
    }
    return { ms: stats(ms), frames: stats(frames), camera: stats(camera) };
  };
  const level = await toRead('level card', cardIdx, withCardText);
  const tilt = await toRead('tilted card', tiltIdx, raws);
  const coldStats = stats(cold);
  const version = browser.version();
  await page.context().close();

  return {
    name: 'Licence scanning in the decoder worker (Chromium)',
    rows: [
      {
        case: 'worker round trip per 1280x720 frame, card in view (one pass: as it is or turned)',
        median_ms: found.median,
        p95_ms: found.p95,
        runs: FRAMES,
      },
      {
        case: 'worker round trip per 1280x720 frame, no barcode (one pass: as it is or turned)',
        median_ms: none.median,
        p95_ms: none.p95,
        runs: FRAMES,
      },
      {
        case: 'card held level: from its first frame to its read, all round trips',
        median_ms: level.ms.median,
        p95_ms: level.ms.p95,
        runs: TILT_TRIALS,
        frames_median: level.frames.median,
        frames_p95: level.frames.p95,
        camera_ms_median: level.camera.median,
        camera_ms_p95: level.camera.p95,
      },
      {
        case: 'card tilted 5-6 deg: from its first frame to its read, all round trips',
        median_ms: tilt.ms.median,
        p95_ms: tilt.ms.p95,
        runs: TILT_TRIALS,
        frames_median: tilt.frames.median,
        frames_p95: tilt.frames.p95,
        camera_ms_median: tilt.camera.median,
        camera_ms_p95: tilt.camera.p95,
      },
      {
        case: 'worker cold start: first frame incl. worker + wasm load (p95 = max)',
        median_ms: coldStats.median,
        p95_ms: coldStats.p95,
        runs: COLD_STARTS,
      },
      { case: `Chromium ${version}, ${workerUrl.slice(1)}`, median_ms: '', p95_ms: '', runs: '' },
    ],
    targets: [
      {
        metric: 'worker round trip per frame, card in view, median',
        value: found.median,
        target: 50,
        unit: 'ms',
        kind: 'max',
      },
      {
        metric: 'worker round trip per frame, no barcode, median',
        value: none.median,
        target: 50,
        unit: 'ms',
        kind: 'max',
      },
    ],
  };
}

/**
 * Licence scanning speed: zxing-wasm decoding a 1280x720 camera frame in Node (the decoder worker's
 * reading alone; decoder-worker.bench.ts times the real worker in Chromium), and a keyboard-wedge
 * burst going through the detector and the parser.
 */
import { parseAamva } from '../src/shared/licence/aamva';
import {
  FRAME_OPTIONS,
  readPdf417,
  readPdf417Deskewed,
  readPdf417Turned,
} from '../src/renderer/scan/pdf417-reader';
import { createWedgeDetector } from '../src/renderer/scan/wedge-detector';
import { barcodeFrame } from '../test/fixtures/camera/make-y4m';
import { addNoise, blankImage } from '../test/fixtures/camera/rgba-image';
import { prepareZxingForNode } from '../test/fixtures/camera/zxing-node';
import { SAMPLES } from '../test/fixtures/licences/samples';
import { scannerGaps, typeText } from '../test/fixtures/wedge/type-as-wedge';
import { percentile, type BenchSection } from './bench-types';

const FRAMES = 30;
const WARMUP = 3;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { median: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)) };
}

type Frame = { data: Uint8ClampedArray; width: number; height: number };

async function timeDecodes(
  frames: Frame[],
  expectFound: boolean,
  read: (frame: Frame) => Promise<string | null> = (f) => readPdf417(f, FRAME_OPTIONS),
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + FRAMES; i += 1) {
    const frame = frames[i % frames.length];
    if (!frame) continue;
    const start = performance.now();
    const text = await read(frame);
    const elapsed = performance.now() - start;
    if ((text !== null) !== expectFound)
      throw new Error(`frame ${i}: decode ${text === null ? 'failed' : 'found a barcode'}`);
    if (i >= WARMUP) times.push(elapsed);
  }
  return times;
}

export default async function (): Promise<BenchSection> {
  await prepareZxingForNode();
  const names = ['ON_V08', 'QC_V04_ACCENTED', 'NB_V02_MMDDCCYY'];
  const raws = names.map((n) => SAMPLES[n]?.raw ?? '');

  // Frames with the card at slightly different places and angles, as a hand holds it.
  const withCard = raws.flatMap((raw, i) =>
    [0, 1].map((j) =>
      addNoise(barcodeFrame(raw, { dx: j * 40 - 20, dy: i * 15, degrees: j - 0.5 }), 6, i * 2 + j),
    ),
  );
  const found = stats(await timeDecodes(withCard, true));
  // Most frames in a scan show no readable barcode yet: their cost sets the frame rate too.
  const emptyFrame = addNoise(blankImage(1280, 720, 120), 20, 9);
  const empty = stats(await timeDecodes([emptyFrame], false));
  // A photo has no next frame: it takes the frame as it is, then four turned copies.
  const photo = (f: Frame): Promise<string | null> => readPdf417Deskewed(f, FRAME_OPTIONS);
  const tilted = raws.map((raw, i) => barcodeFrame(raw, { degrees: i % 2 ? -6 : 5 }));
  const slant = stats(await timeDecodes(tilted, true, photo));
  // Every other camera frame is read turned by one angle instead of as it is.
  const turned = (f: Frame): Promise<string | null> => readPdf417Turned(f, 8, FRAME_OPTIONS);
  const emptyTurned = stats(await timeDecodes([emptyFrame], false, turned));

  const wedgeTimes: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const raw = raws[i % raws.length] ?? '';
    const events = typeText(raw, { style: i % 2 ? 'chords' : 'enter', gap: scannerGaps(i) });
    let parsedOk = false;
    const start = performance.now();
    const detector = createWedgeDetector({
      onScan: (text) => {
        parsedOk = parseAamva(text).ok;
      },
    });
    for (const ev of events) detector.handleKey(ev);
    detector.flush();
    wedgeTimes.push(performance.now() - start);
    if (!parsedOk) throw new Error(`wedge burst ${i} did not parse`);
  }
  const wedge = stats(wedgeTimes);

  return {
    name: 'Licence scanning',
    rows: [
      {
        case: 'decode 1280x720 frame with barcode, in Node',
        median_ms: found.median,
        p95_ms: found.p95,
        runs: FRAMES,
      },
      {
        case: 'decode 1280x720 frame without barcode, in Node',
        median_ms: empty.median,
        p95_ms: empty.p95,
        runs: FRAMES,
      },
      {
        case: "deskewed read (a photo's steps) in Node, card tilted 5-6 deg",
        median_ms: slant.median,
        p95_ms: slant.p95,
        runs: FRAMES,
      },
      {
        case: 'one turned pass (every other camera frame) in Node, frame without barcode',
        median_ms: emptyTurned.median,
        p95_ms: emptyTurned.p95,
        runs: FRAMES,
      },
      { case: 'wedge burst -> detector -> parseAamva', median_ms: wedge.median, p95_ms: wedge.p95, runs: 50 },
    ],
    targets: [
      { metric: 'frame decode median, in Node', value: found.median, target: 50, unit: 'ms', kind: 'max' },
      { metric: 'wedge burst to parsed licence p95', value: wedge.p95, target: 300, unit: 'ms', kind: 'max' },
    ],
  };
}

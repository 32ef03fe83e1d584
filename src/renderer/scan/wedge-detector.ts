/**
 * Recognizes a keyboard-wedge scanner typing a licence barcode, whatever has focus: a scanner types
 * a key every few milliseconds, a person every 100 ms or so. A burst ends on an idle gap, never on
 * Enter (the scanner types Enter for the barcode's own separators). Only bursts that begin with a
 * licence header are captured, so product barcodes and human typing reach the page untouched.
 *
 * The first key of a burst cannot be told from typing, so it reaches the page ("leaks"); every
 * later key of a licence burst is swallowed, Enter included, so no form is submitted mid-scan.
 */
import { keyText, type WedgeKeyEvent } from './wedge-keys';

export type { WedgeKeyEvent } from './wedge-keys';

export interface WedgeThresholds {
  /** Shortest text accepted as a licence (a real payload is 300+ characters). */
  minLength: number;
  /** Largest median gap between keys, in ms, for a burst to count as a scanner. */
  maxMedianGapMs: number;
  /** A key this soon after the previous one (ms) can only come from a machine. */
  maxKeyGapMs: number;
  /** Silence (ms) that ends a burst. */
  idleMs: number;
  /** Longest burst kept; longer ones are rejected. */
  maxLength: number;
}

export const DEFAULT_WEDGE_THRESHOLDS: Readonly<WedgeThresholds> = {
  minLength: 30,
  maxMedianGapMs: 25,
  maxKeyGapMs: 40,
  idleMs: 120,
  maxLength: 10_000,
};

/**
 * too_short: a licence header began but the burst stopped early.
 * too_slow: a licence header, but typed too slowly to be a scanner.
 * no_header: a scanner burst that does not start like a licence (another barcode, or the start was missed).
 * too_long: more text than any licence holds.
 */
export type WedgeRejectReason = 'too_short' | 'too_slow' | 'no_header' | 'too_long';

/** What a rejection tells the screen: never the text itself. */
export interface WedgeRejection {
  reason: WedgeRejectReason;
  length: number;
}

export interface WedgeScanInfo {
  /** Keys of this burst that reached the page before it was recognized (the first one, usually). */
  leakedKeys: number;
  length: number;
  medianGapMs: number;
}

export interface WedgeDetectorOptions {
  /** The raw barcode text; pass it to parseAamva. */
  onScan(raw: string, info: WedgeScanInfo): void;
  onRejected?(rejection: WedgeRejection): void;
  thresholds?: Partial<WedgeThresholds>;
}

export interface WedgeDetector {
  /** Returns true when the key belongs to a scan and must not reach the page. */
  handleKey(ev: WedgeKeyEvent): boolean;
  /** Ends the current burst now, as the idle timer would. */
  flush(): void;
  /** Forgets the current burst without reporting it. */
  reset(): void;
}

interface Burst {
  text: string;
  gaps: number[];
  lastTime: number;
  leaked: number;
  swallowed: number;
  /** Still possibly a licence header. */
  candidate: boolean;
  /** The header has been recognized: everything until the idle gap is the scan. */
  locked: boolean;
  usLayout: boolean;
  overflow: boolean;
}

// Before the header: BOM (also as UTF-8 read as Latin-1), whitespace and control characters.
// eslint-disable-next-line no-control-regex -- scanners type control characters
const LEADING_JUNK = /^[\s\ufeff\u00ef\u00bb\u00bf\u0000-\u001f\u0080-\u009f]*/;
// Between '@' and the file type: the separators, however the scanner mangled them.
// eslint-disable-next-line no-control-regex -- scanners type control characters
const SEPARATOR_RUN = /^[|\u0000-\u001f\u0080-\u009f]{0,8}/;
const FILE_TYPES = ['ANSI', 'AAMVA'];
const MAGSTRIPE_START = '%BC';

type HeaderState = 'complete' | 'possible' | 'impossible';

/** Whether text typed so far is, or can still become, the start of a licence barcode. */
export function headerState(typed: string): HeaderState {
  const t = typed.replace(LEADING_JUNK, '');
  if (t === '') return 'possible';
  if (t.startsWith('%')) {
    if (t.startsWith(MAGSTRIPE_START)) return 'complete';
    return MAGSTRIPE_START.startsWith(t) ? 'possible' : 'impossible';
  }
  // '@', the separators however mangled, then the file type. A person never types this in a burst.
  if (!t.startsWith('@')) return 'impossible';
  const afterAt = t.slice(1);
  const rest = afterAt.replace(SEPARATOR_RUN, '');
  if (FILE_TYPES.some((f) => rest.startsWith(f))) return 'complete';
  if (rest === '') return afterAt.length <= 8 ? 'possible' : 'impossible';
  return FILE_TYPES.some((f) => f.startsWith(rest)) ? 'possible' : 'impossible';
}

/** A US-layout scanner on a Canadian French layout types '@' (Shift+2) as something else. */
function isAtMixup(ev: WedgeKeyEvent, text: string): boolean {
  if (text === '@') return false;
  if (ev.code === 'Digit2') return ev.shiftKey === true || (ev.shiftKey === undefined && text !== '2');
  return ev.code === undefined && text === '"';
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function createWedgeDetector(opts: WedgeDetectorOptions): WedgeDetector {
  const th: WedgeThresholds = { ...DEFAULT_WEDGE_THRESHOLDS, ...opts.thresholds };
  let burst: Burst | null = null;
  /** Every key since the last idle gap, for telling a foreign scanner burst from typing. */
  let run: { keys: number; gaps: number[]; lastTime: number; reported: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const reject = (reason: WedgeRejectReason, length: number): void => {
    if (run) run.reported = true;
    opts.onRejected?.({ reason, length });
  };

  /** Ends the burst; `idle` also ends the run of keys it belongs to. */
  function endBurst(idle: boolean): void {
    const b = burst;
    burst = null;
    if (b) {
      const length = b.text.length;
      if (b.locked) {
        const medianGapMs = median(b.gaps);
        if (b.overflow) reject('too_long', length);
        else if (length < th.minLength) reject('too_short', length);
        else if (medianGapMs > th.maxMedianGapMs) reject('too_slow', length);
        else {
          if (run) run.reported = true;
          opts.onScan(b.text, { leakedKeys: b.leaked, length, medianGapMs });
        }
      } else if (b.swallowed > 0) {
        // Keys were held back for a header that never came: say so, they are lost to the page.
        reject('too_short', length);
      }
    }
    if (idle && run) {
      const r = run;
      run = null;
      if (!r.reported && r.keys >= th.minLength && median(r.gaps) <= th.maxMedianGapMs) {
        opts.onRejected?.({ reason: 'no_header', length: r.keys });
      }
    }
  }

  function finish(): void {
    clearTimer();
    endBurst(true);
  }

  function startBurst(time: number): Burst {
    return {
      text: '',
      gaps: [],
      lastTime: time,
      leaked: 0,
      swallowed: 0,
      candidate: true,
      locked: false,
      usLayout: false,
      overflow: false,
    };
  }

  function handleKey(ev: WedgeKeyEvent): boolean {
    const now = ev.timeStamp;
    if (run && now - run.lastTime > th.idleMs) finish();

    const kt = keyText(ev, burst?.usLayout ?? false);
    if (kt === 'ignore') return burst?.locked ?? false;
    if (kt === 'break') {
      // Nothing a scanner sends: a person is typing. A recognized scan keeps going regardless.
      if (burst?.locked) return true;
      finish();
      return false;
    }

    if (run) {
      run.gaps.push(now - run.lastTime);
      run.keys += 1;
      run.lastTime = now;
    } else {
      run = { keys: 1, gaps: [], lastTime: now, reported: false };
    }

    let b = burst;
    // A slow key starts afresh, unless a header is under way: scanners hiccup now and then, so a
    // header keeps going across a gap of up to twice maxKeyGapMs when the key still fits it.
    if (b && !b.locked && now - b.lastTime > th.maxKeyGapMs) {
      const hiccup =
        b.candidate &&
        now - b.lastTime <= 2 * th.maxKeyGapMs &&
        headerState(b.text + kt.text) !== 'impossible';
      if (b.swallowed === 0 && !hiccup) {
        endBurst(false);
        b = null;
      }
    }
    const isFirst = b === null;
    if (!b) b = startBurst(now);
    burst = b;

    let text = kt.text;
    if (b.text.replace(LEADING_JUNK, '') === '' && isAtMixup(ev, text)) {
      text = '@';
      b.usLayout = true;
    }
    if (!isFirst) b.gaps.push(now - b.lastTime);
    b.lastTime = now;
    if (b.text.length + text.length > th.maxLength) b.overflow = true;
    else b.text += text;

    clearTimer();
    timer = setTimeout(finish, th.idleMs);

    if (b.locked) {
      b.swallowed += 1;
      return true;
    }
    const state = b.candidate ? headerState(b.text) : 'impossible';
    b.candidate = state !== 'impossible';
    if (state === 'complete') b.locked = true;
    if (isFirst || !b.candidate) {
      b.leaked += 1;
      return false;
    }
    b.swallowed += 1;
    return true;
  }

  return {
    handleKey,
    flush: finish,
    reset(): void {
      clearTimer();
      burst = null;
      run = null;
    },
  };
}

export interface WedgeAttachment {
  /** Stops listening and forgets any burst in progress. */
  detach(): void;
  reset(): void;
}

function asKeyEvent(event: Event): WedgeKeyEvent | null {
  const e = event as Partial<KeyboardEvent>;
  if (typeof e.key !== 'string') return null;
  return {
    key: e.key,
    code: typeof e.code === 'string' && e.code !== '' ? e.code : undefined,
    ctrlKey: e.ctrlKey === true,
    altKey: e.altKey === true,
    shiftKey: typeof e.shiftKey === 'boolean' ? e.shiftKey : undefined,
    metaKey: e.metaKey === true,
    repeat: e.repeat === true,
    isComposing: e.isComposing === true,
    timeStamp: event.timeStamp,
  };
}

/**
 * Listens for keydown in the capture phase on `target` (the window), ahead of any focused input,
 * and keeps the keys of a scan from reaching the page.
 */
export function attachWedgeDetector(target: EventTarget, opts: WedgeDetectorOptions): WedgeAttachment {
  const detector = createWedgeDetector(opts);
  const listener = (event: Event): void => {
    const ev = asKeyEvent(event);
    if (ev && detector.handleKey(ev)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  target.addEventListener('keydown', listener, { capture: true });
  return {
    detach(): void {
      target.removeEventListener('keydown', listener, { capture: true });
      detector.reset();
    },
    reset: detector.reset,
  };
}

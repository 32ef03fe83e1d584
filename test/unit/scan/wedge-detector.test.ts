import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAamva } from '../../../src/shared/licence/aamva';
import {
  attachWedgeDetector,
  createWedgeDetector,
  headerState,
  type WedgeRejection,
  type WedgeScanInfo,
} from '../../../src/renderer/scan/wedge-detector';
import { keyText, type WedgeKeyEvent } from '../../../src/renderer/scan/wedge-keys';
import { applyDamage } from '../../fixtures/licences/build-aamva';
import { SAMPLES } from '../../fixtures/licences/samples';
import { humanGaps, scannerGaps, typeText, type WedgeStyle } from '../../fixtures/wedge/type-as-wedge';

interface Outcome {
  scans: Array<{ raw: string; info: WedgeScanInfo }>;
  rejections: WedgeRejection[];
  /** Keys that reached the page (not swallowed). */
  passed: WedgeKeyEvent[];
  swallowed: WedgeKeyEvent[];
}

function feed(events: WedgeKeyEvent[], thresholds = {}): Outcome {
  const out: Outcome = { scans: [], rejections: [], passed: [], swallowed: [] };
  const detector = createWedgeDetector({
    onScan: (raw, info) => out.scans.push({ raw, info }),
    onRejected: (r) => out.rejections.push(r),
    thresholds,
  });
  for (const ev of events) (detector.handleKey(ev) ? out.swallowed : out.passed).push(ev);
  detector.flush();
  return out;
}

const printable = (events: WedgeKeyEvent[]): string =>
  events
    .filter((e) => e.key.length === 1 && !e.ctrlKey)
    .map((e) => e.key)
    .join('');

afterEach(() => {
  vi.useRealTimers();
});

const SAMPLE_NAMES = [
  'ON_V08',
  'ON_V03_ZERO_OFFSET',
  'QC_V04_ACCENTED',
  'QC_FLEXITI_DOC',
  'NB_V02_MMDDCCYY',
] as const;
const STYLES: WedgeStyle[] = ['enter', 'chords', 'mixed', 'tab'];

describe('wedge detector: scanner bursts', () => {
  for (const name of SAMPLE_NAMES) {
    for (const style of STYLES) {
      it(`captures ${name} typed with ${style} separators and parses the names`, () => {
        const sample = SAMPLES[name];
        expect(sample).toBeDefined();
        if (!sample) return;
        const events = typeText(sample.raw, { style, gap: scannerGaps(name.length) });
        const out = feed(events);

        expect(out.rejections).toEqual([]);
        expect(out.scans).toHaveLength(1);
        const scan = out.scans[0];
        if (!scan) return;
        // Only the first key ('@') reached the page; every Enter was held back.
        expect(out.passed.filter((e) => e.key !== 'Shift').map((e) => e.key)).toEqual(['@']);
        expect(scan.info.leakedKeys).toBe(1);
        expect(out.swallowed.some((e) => e.key === 'Enter' || e.key === 'Tab' || e.ctrlKey)).toBe(true);
        if (style === 'chords') expect(scan.raw).toBe(sample.raw);

        const parsed = parseAamva(scan.raw);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.licence.lastName).toBe(sample.expected.lastName);
        expect(parsed.licence.firstName).toBe(sample.expected.firstName);
        expect(parsed.licence.dateOfBirth).toBe(sample.expected.dateOfBirth);
        expect(parsed.licence.licenceNumber).toBe(sample.expected.licenceNumber);
      });
    }
  }

  it('keeps the AAMVA separators exactly when the scanner types them as chords', () => {
    const raw = SAMPLES.ON_V08?.raw ?? '';
    const out = feed(typeText(raw, { style: 'chords', gap: scannerGaps(7) }));
    expect(out.scans[0]?.raw.slice(0, 4)).toBe('@\n\u001e\r');
  });

  const damages = {
    'pipe for LF': { pipeForLf: true },
    'RS dropped, CR as CR LF': { dropRs: true, crToCrLf: true },
    'separators stripped': { stripSeparators: true },
    'C1 control bytes': { c1Bytes: true },
    'space before @': { spaceBeforeAt: true },
    'UTF-8 read as Windows-1252': { mojibake: 'cp1252' as const },
  };
  for (const [label, damage] of Object.entries(damages)) {
    it(`captures a burst with ${label} and the parser still reads it`, () => {
      const sample = SAMPLES.QC_V04_ACCENTED;
      if (!sample) throw new Error('sample missing');
      const damaged = applyDamage(sample.raw, damage);
      const out = feed(typeText(damaged, { style: 'chords', gap: scannerGaps(3) }));
      expect(out.rejections).toEqual([]);
      expect(out.scans).toHaveLength(1);
      const parsed = parseAamva(out.scans[0]?.raw ?? '');
      expect(parsed.ok && parsed.licence.lastName).toBe('BÉLANGER-CÔTÉ');
      expect(parsed.ok && parsed.licence.firstName).toBe('ÉLODIE');
    });
  }

  it('reads a US-layout scanner on a Canadian French layout through the US layout', () => {
    const sample = SAMPLES.ON_V08;
    if (!sample) throw new Error('sample missing');
    // An address with keys the two layouts disagree on.
    const raw = sample.raw.replace('88 KING ST E APT 1204', '88/90 KING ST E #1204');
    const events = typeText(raw, { style: 'mixed', layout: 'ca-french', gap: scannerGaps(5) });
    expect(events.find((e) => e.key !== 'Shift')?.key).toBe('"');
    expect(printable(events)).toContain('é');

    const out = feed(events);
    expect(out.scans).toHaveLength(1);
    const scanned = out.scans[0]?.raw ?? '';
    expect(scanned.startsWith('@\n')).toBe(true);
    const parsed = parseAamva(scanned);
    expect(parsed.ok && parsed.licence.address.street).toBe('88/90 KING ST E #1204');
    expect(parsed.ok && parsed.licence.lastName).toBe('PATEL');
  });

  it('captures British Columbia magnetic-stripe text', () => {
    const sample = SAMPLES.BC_MAGSTRIPE ?? Object.values(SAMPLES).find((s) => s.raw.startsWith('%BC'));
    if (!sample) throw new Error('no BC sample');
    const out = feed(typeText(sample.raw, { gap: scannerGaps(11) }));
    expect(out.scans).toHaveLength(1);
    const parsed = parseAamva(out.scans[0]?.raw ?? '');
    expect(parsed.ok && parsed.licence.lastName).toBe(sample.expected.lastName);
  });

  it('rides out a scanner hiccup between "@" and the first separator', () => {
    const raw = SAMPLES.ON_V08?.raw ?? '';
    let n = 0;
    const out = feed(typeText(raw, { style: 'chords', gap: () => (n++ === 0 ? 60 : 4) }));
    expect(out.scans.map((s) => s.raw)).toEqual([raw]);
  });

  it('ends a burst on the idle gap, not on a trailing Enter', () => {
    vi.useFakeTimers();
    const scans: string[] = [];
    const detector = createWedgeDetector({ onScan: (raw) => scans.push(raw) });
    const raw = SAMPLES.ON_V08?.raw ?? '';
    const events = typeText(`${raw}\n`, { gap: scannerGaps(9) });
    const swallowed = events.map((e) => detector.handleKey(e));
    expect(swallowed.at(-1)).toBe(true);
    expect(scans).toHaveLength(0);
    vi.advanceTimersByTime(119);
    expect(scans).toHaveLength(0);
    vi.advanceTimersByTime(2);
    expect(scans).toHaveLength(1);
  });

  it('separates two scans by the idle gap between them', () => {
    const a = SAMPLES.ON_V08?.raw ?? '';
    const b = SAMPLES.NB_V02_MMDDCCYY?.raw ?? '';
    const first = typeText(a, { gap: scannerGaps(1), start: 1000 });
    const last = first.at(-1)?.timeStamp ?? 0;
    const second = typeText(b, { gap: scannerGaps(2), start: last + 500 });
    const out = feed([...first, ...second]);
    expect(out.scans.map((s) => parseAamva(s.raw)).map((p) => p.ok && p.licence.lastName)).toEqual([
      'PATEL',
      'LEBLANC',
    ]);
  });
});

describe('wedge detector: people typing', () => {
  const texts = [
    'marie.tremblay@example.com',
    'Bonjour, je voudrais financer ce téléviseur de 65 pouces.',
    'ANSI 636012 is the Ontario IIN, AAMVA the standard',
    'Lot 62 @ 19,99 $ / 1 @ 5 $',
    '%BC is the start of a BC stripe',
  ];
  for (const text of texts) {
    it(`passes "${text.slice(0, 20)}…" through untouched`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const events = typeText(text, { gap: humanGaps(seed) });
        const out = feed(events);
        expect(out.swallowed).toEqual([]);
        expect(out.scans).toEqual([]);
        expect(out.rejections).toEqual([]);
      }
    });
  }

  it('passes a person typing a licence header by hand through untouched', () => {
    for (const seed of [1, 2, 3]) {
      const out = feed(typeText('@\n\rANSI 636012080102DL00410278', { gap: humanGaps(seed, 0) }));
      expect(out.swallowed).toEqual([]);
      expect(out.scans).toEqual([]);
      expect(out.rejections).toEqual([]);
    }
  });

  it('never holds a key back for a person typing fast rolled pairs after "@"', () => {
    let t = 0;
    const events: WedgeKeyEvent[] = [];
    for (const ch of 'bob@gmail.com') {
      t += ch === 'g' ? 20 : 110;
      events.push({ key: ch, timeStamp: t });
    }
    events.push({ key: 'Enter', timeStamp: t + 25 });
    const out = feed(events);
    expect(out.swallowed).toEqual([]);
    expect(out.passed).toHaveLength(events.length);
  });

  it('ignores auto-repeat of a held key', () => {
    const events: WedgeKeyEvent[] = Array.from({ length: 60 }, (_, i) => ({
      key: 'a',
      repeat: i > 0,
      timeStamp: 100 + i * 30,
    }));
    const out = feed(events);
    expect(out.swallowed).toEqual([]);
    expect(out.rejections).toEqual([]);
  });
});

describe('wedge detector: partial and foreign bursts', () => {
  const raw = SAMPLES.ON_V08?.raw ?? '';

  it('rejects a burst cut off after the header as too short', () => {
    const out = feed(typeText(raw.slice(0, 20), { gap: scannerGaps(1) }));
    expect(out.scans).toEqual([]);
    expect(out.rejections).toHaveLength(1);
    expect(out.rejections[0]?.reason).toBe('too_short');
    expect(out.rejections[0]?.length).toBeLessThan(20);
  });

  it('rejects a burst whose start was missed, without holding its keys back', () => {
    const out = feed(typeText(raw.slice(60), { gap: scannerGaps(1) }));
    expect(out.scans).toEqual([]);
    expect(out.swallowed).toEqual([]);
    expect(out.rejections.map((r) => r.reason)).toEqual(['no_header']);
  });

  it('rejects a licence typed steadily but slower than a scanner', () => {
    const out = feed(typeText(raw, { gap: () => 32 }));
    expect(out.scans).toEqual([]);
    expect(out.rejections.map((r) => r.reason)).toEqual(['too_slow']);
  });

  it('rejects more text than a licence can hold', () => {
    const out = feed(typeText(raw, { gap: scannerGaps(1) }), { maxLength: 100 });
    expect(out.scans).toEqual([]);
    expect(out.rejections.map((r) => r.reason)).toEqual(['too_long']);
  });

  it('lets a product barcode and its Enter through', () => {
    const out = feed(typeText('062639342170\n', { gap: scannerGaps(4) }));
    expect(out.swallowed).toEqual([]);
    expect(out.passed.at(-1)?.key).toBe('Enter');
    expect(out.scans).toEqual([]);
    expect(out.rejections).toEqual([]);
  });

  it('follows the thresholds it is given', () => {
    const out = feed(typeText(raw, { gap: () => 32 }), { maxMedianGapMs: 35, maxKeyGapMs: 50 });
    expect(out.scans).toHaveLength(1);
  });
});

describe('attachWedgeDetector', () => {
  function keydown(ev: WedgeKeyEvent): Event {
    const event = new Event('keydown', { cancelable: true });
    const props = { code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, repeat: false };
    Object.defineProperties(
      event,
      Object.fromEntries(
        Object.entries({ ...props, ...ev }).map(([k, v]) => [k, { value: v, enumerable: true }]),
      ),
    );
    return event;
  }

  it('captures a scan typed into a focused input and leaves the input only what a person typed', () => {
    const win = new EventTarget();
    const scans: string[] = [];
    const attachment = attachWedgeDetector(win, { onScan: (raw) => scans.push(raw) });
    // Registered after the detector: stands for the focused input further down the event path.
    const inputGot: string[] = [];
    win.addEventListener('keydown', (e) => inputGot.push((e as KeyboardEvent).key));

    const human = typeText('Jean', { gap: humanGaps(1), start: 0 });
    const raw = SAMPLES.ON_V08?.raw ?? '';
    const scan = typeText(raw, { gap: scannerGaps(1), start: 2000 });
    const dispatched = [...human, ...scan].map((ev) => {
      const event = keydown(ev);
      win.dispatchEvent(event);
      return event;
    });
    attachment.detach();

    // Detaching does not report the burst in progress; a fresh detector with flush does.
    expect(scans).toEqual([]);
    expect(inputGot.filter((k) => k !== 'Shift').join('')).toBe('Jean@');
    expect(
      dispatched.filter((e) => (e as KeyboardEvent).key === 'Enter').every((e) => e.defaultPrevented),
    ).toBe(true);

    const win2 = new EventTarget();
    vi.useFakeTimers();
    const attachment2 = attachWedgeDetector(win2, { onScan: (r) => scans.push(r) });
    for (const ev of scan) win2.dispatchEvent(keydown(ev));
    vi.advanceTimersByTime(200);
    attachment2.detach();
    expect(scans).toHaveLength(1);
    const parsed = parseAamva(scans[0] ?? '');
    expect(parsed.ok && parsed.licence.firstName).toBe('PRIYA');
  });

  it('stops listening after detach', () => {
    const win = new EventTarget();
    const attachment = attachWedgeDetector(win, { onScan: () => undefined });
    attachment.detach();
    const events = typeText(SAMPLES.ON_V08?.raw ?? '', { gap: scannerGaps(1) }).map(keydown);
    for (const e of events) win.dispatchEvent(e);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });
});

describe('wedge key mapping', () => {
  it('maps the chords scanners use for control characters', () => {
    expect(keyText({ key: '^', code: 'Digit6', ctrlKey: true, shiftKey: true, timeStamp: 0 }, false)).toEqual(
      {
        text: '\u001e',
      },
    );
    expect(keyText({ key: '6', ctrlKey: true, timeStamp: 0 }, false)).toEqual({ text: '\u001e' });
    expect(keyText({ key: 'j', code: 'KeyJ', ctrlKey: true, timeStamp: 0 }, false)).toEqual({ text: '\n' });
    expect(keyText({ key: 'M', ctrlKey: true, timeStamp: 0 }, false)).toEqual({ text: '\r' });
    expect(keyText({ key: 'Enter', timeStamp: 0 }, false)).toEqual({ text: '\n' });
    expect(keyText({ key: 'Tab', timeStamp: 0 }, false)).toEqual({ text: '\n' });
  });

  it('keeps AltGr characters and reads physical keys through the US layout on request', () => {
    expect(keyText({ key: '@', code: 'Digit2', ctrlKey: true, altKey: true, timeStamp: 0 }, false)).toEqual({
      text: '@',
    });
    expect(keyText({ key: 'é', code: 'Slash', shiftKey: false, timeStamp: 0 }, true)).toEqual({ text: '/' });
    expect(keyText({ key: 'é', code: 'Slash', shiftKey: false, timeStamp: 0 }, false)).toEqual({ text: 'é' });
    expect(keyText({ key: 'ArrowLeft', timeStamp: 0 }, false)).toBe('break');
    expect(keyText({ key: 'Shift', timeStamp: 0 }, false)).toBe('ignore');
  });

  it('recognizes licence headers however the separators arrived', () => {
    expect(headerState('@\n\u001e\rANSI ')).toBe('complete');
    expect(headerState('@|\rANSI')).toBe('complete');
    expect(headerState(' \ufeff@\n\rAAMVA')).toBe('complete');
    expect(headerState('@\n\r\n')).toBe('possible');
    expect(headerState('@\n\rAN')).toBe('possible');
    expect(headerState('%BC')).toBe('complete');
    expect(headerState('@gmail')).toBe('impossible');
    expect(headerState('@\nANSX')).toBe('impossible');
  });
});

/**
 * Splits a subfile body into its data elements ("DAQ" + value). Any of LF, CR and RS separates
 * elements, because wedge scanners swap them freely. When every separator was stripped, elements are
 * found by their known identifiers instead.
 */
import type { Warnings } from './types';

export type ElementMap = Map<string, string>;

// eslint-disable-next-line no-control-regex -- AAMVA separators are control characters
const SEPARATORS = /[\n\r\u001e]+/;
const ELEMENT_START = /^[A-Z][A-Z0-9]{2}/;

// Identifiers used to re-split text whose separators were stripped. Fewer candidates mean fewer
// false splits inside values ("JORDAN" holds v01's DAN), so v02+ cards use only the modern set.
const MODERN_IDS =
  'DAC DAD DAG DAH DAI DAJ DAK DAQ DAU DAW DAX DAY DAZ DBA DBB DBC DBD DBG DBN DBS ' +
  'DCA DCB DCD DCE DCF DCG DCI DCJ DCK DCL DCM DCN DCO DCP DCQ DCR DCS DCT DCU ' +
  'DDA DDB DDC DDD DDE DDF DDG DDH DDI DDJ DDK DDL';
const V01_IDS =
  'DAA DAB DAC DAD DAE DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP DAQ DAR DAS DAT DAU DAV DAW DAX DAY DAZ ' +
  'DBA DBB DBC DBD DBE DBF DBG DBH DBI DBJ DBK DBL DBM DBN DBO DBP DBQ DBR DBS';
const KNOWN_IDS: Readonly<Record<'v01' | 'modern', ReadonlySet<string>>> = {
  v01: new Set(V01_IDS.split(' ')),
  modern: new Set(MODERN_IDS.split(' ')),
};

/** Upper bound on elements read from one subfile: a real card has fewer than 60. */
const MAX_ELEMENTS = 200;

export function splitElements(body: string, version: number, warnings: Warnings): ElementMap {
  const elements: ElementMap = new Map();
  const chunks = body.split(SEPARATORS);
  const meaningful = chunks.filter((c) => c.trim() !== '');
  if (meaningful.length <= 1 && body.trim().length > 16) {
    return splitByKnownIds(body.trim(), KNOWN_IDS[version === 1 ? 'v01' : 'modern'], warnings);
  }
  for (const chunk of chunks) {
    if (elements.size >= MAX_ELEMENTS) break;
    const trimmed = chunk.trimStart();
    if (!ELEMENT_START.test(trimmed)) continue;
    const id = trimmed.slice(0, 3);
    if (!elements.has(id)) elements.set(id, trimmed.slice(3));
  }
  return elements;
}

function splitByKnownIds(text: string, known: ReadonlySet<string>, warnings: Warnings): ElementMap {
  warnings.add('separators_missing');
  const starts: Array<{ at: number; id: string }> = [];
  const seen = new Set<string>();
  const finder = /D[A-D][A-Z]/g;
  for (let m = finder.exec(text); m !== null; m = finder.exec(text)) {
    const id = m[0];
    // A value can contain an identifier's letters ("DAKOTA"): take each identifier once, first come.
    if (known.has(id) && !seen.has(id)) {
      seen.add(id);
      starts.push({ at: m.index, id });
      finder.lastIndex = m.index + 3;
    }
    if (starts.length >= MAX_ELEMENTS) break;
  }
  const elements: ElementMap = new Map();
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    elements.set(start.id, text.slice(start.at + 3, end));
  });
  return elements;
}

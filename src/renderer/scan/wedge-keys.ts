/**
 * Turns one keydown from a keyboard-wedge scanner into the text the scanner meant: Enter and Tab are
 * the scanner's LF/CR, Ctrl chords are the control characters it cannot type (Ctrl+^ = RS, Ctrl+J =
 * LF, Ctrl+M = CR), and a scanner set to a US layout on a Canadian French OS layout is read through
 * the US layout by physical key (`code`).
 */

/** The parts of a KeyboardEvent the detector reads. */
export interface WedgeKeyEvent {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  timeStamp: number;
}

/**
 * 'ignore': no text and no timing (modifier keys, dead keys).
 * 'break': a key no scanner sends (arrows, Backspace, auto-repeat): a person is at the keyboard.
 */
export type KeyText = { text: string } | 'ignore' | 'break';

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'Dead',
  'Unidentified',
  'Process',
]);

const LF = '\n';
const CR = '\r';
const RS = '\u001e';

/** Physical keys of a US layout: [unshifted, shifted]. Letters are handled separately. */
const US_LAYOUT: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
};

/** Ctrl chords by physical key, then by the character the OS reported. */
const CTRL_BY_CODE: Readonly<Record<string, string>> = {
  Digit2: '', // Ctrl+@ is NUL: nothing to keep
  Digit6: RS,
  BracketLeft: '\u001b',
  Backslash: '\u001c',
  BracketRight: '\u001d',
  Minus: '\u001f',
};
const CTRL_BY_KEY: Readonly<Record<string, string>> = {
  '@': '',
  '^': RS,
  '6': RS,
  '[': '\u001b',
  '\\': '\u001c',
  ']': '\u001d',
  _: '\u001f',
};

/** The character a US-layout scanner meant, from the physical key; null when not a typing key. */
export function usLayoutChar(ev: WedgeKeyEvent): string | null {
  const code = ev.code;
  if (!code) return null;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) {
    // Without shiftKey, trust the case the OS produced (Caps Lock, or a layout with the same letters).
    const upper = ev.shiftKey ?? ev.key === ev.key.toUpperCase();
    return upper ? letter : letter.toLowerCase();
  }
  const pair = US_LAYOUT[code];
  if (!pair) return null;
  return ev.shiftKey ? pair[1] : pair[0];
}

function ctrlChord(ev: WedgeKeyEvent): string | null {
  const letter = ev.code ? /^Key([A-Z])$/.exec(ev.code)?.[1] : undefined;
  if (letter) return String.fromCharCode(letter.charCodeAt(0) - 64);
  if (ev.code && CTRL_BY_CODE[ev.code] !== undefined) return CTRL_BY_CODE[ev.code] ?? null;
  if (/^[a-zA-Z]$/.test(ev.key)) return String.fromCharCode(ev.key.toUpperCase().charCodeAt(0) - 64);
  return CTRL_BY_KEY[ev.key] ?? null;
}

const isSingleChar = (key: string): boolean =>
  key.length === 1 || (key.length === 2 && (key.codePointAt(0) ?? 0) > 0xffff);

/**
 * The text one key event stands for. `usLayout`: read printable keys through the US layout by
 * physical key (set once a burst shows the layout mix-up).
 */
export function keyText(ev: WedgeKeyEvent, usLayout: boolean): KeyText {
  if (ev.repeat || ev.isComposing) return 'break';
  if (MODIFIERS.has(ev.key)) return 'ignore';
  if (ev.key === 'Enter') return { text: LF };
  if (ev.key === 'Tab') return { text: LF };
  if (ev.metaKey) return 'break';

  // AltGr arrives as Ctrl+Alt on Windows and types a character: keep it.
  const altGr = ev.ctrlKey && ev.altKey && isSingleChar(ev.key);
  if (ev.ctrlKey && !altGr) {
    const chord = ctrlChord(ev);
    if (chord === null) return 'break';
    if (chord === '\n' || chord === CR || chord === RS) return { text: chord };
    // Other control characters are kept for the parser to drop; NUL is dropped here.
    return chord === '' ? 'ignore' : { text: chord };
  }
  if (ev.altKey && !altGr) return 'ignore';
  if (!isSingleChar(ev.key)) return 'break';
  if (usLayout) {
    const us = usLayoutChar(ev);
    if (us !== null) return { text: us };
  }
  return { text: ev.key };
}

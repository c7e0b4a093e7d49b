/**
 * Key decoding and the table's key map. Ink reports a key as its text plus a
 * set of flags; the UI names each press once here (`j`, `up`, `ctrl-c`) so
 * that the key map, the help and the hints all speak of the same names.
 */
import type { DoorCommand } from '../../src/client/types.js';

/** The flags Ink's `useInput` reports, as far as the UI uses them. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

export interface KeyPress {
  /** One name per key: a printable character, or `up`, `enter`, `ctrl-c`… */
  name: string;
  /** Printable text the key types into a field; empty for other keys. */
  text: string;
}

const NAMED: readonly [keyof KeyFlags, string][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['backspace', 'backspace'],
  ['delete', 'backspace'],
];

/**
 * The presses in one report from Ink. Ink hands over a whole chunk of plain
 * characters at once (fast typing, a paste, `tmux send-keys j Enter`), so
 * such a chunk is taken apart character by character: `j\r` is `j`, then
 * Enter.
 */
export function decodeKeys(input: string, key: KeyFlags): KeyPress[] {
  const named = namedKey(input, key);
  if (named) {
    return [named];
  }

  return [...input].map(decodeChar);
}

/** One press from Ink's flags, when they name it. */
function namedKey(input: string, key: KeyFlags): KeyPress | undefined {
  if (key.tab) {
    return { name: key.shift ? 'shift-tab' : 'tab', text: '' };
  }

  for (const [flag, name] of NAMED) {
    if (key[flag]) {
      return { name, text: '' };
    }
  }

  // Ink reports Esc as `meta` with no text.
  if (key.escape || (key.meta && input === '')) {
    return { name: 'escape', text: '' };
  }
  if (key.ctrl && input.length === 1) {
    return { name: `ctrl-${input.toLowerCase()}`, text: '' };
  }

  return undefined;
}

// The control characters with names of their own; the rest are Ctrl plus
// the character 64 places up (1 is Ctrl-A, 29 is Ctrl-]).
const CONTROL_NAMES: Record<string, string> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u001b': 'escape',
};

function decodeChar(char: string): KeyPress {
  const code = char.codePointAt(0) ?? 0;
  const named = CONTROL_NAMES[char];

  if (named) {
    return { name: named, text: '' };
  }
  if (code < 0x20) {
    return {
      name: `ctrl-${String.fromCharCode(code + 0x40).toLowerCase()}`,
      text: '',
    };
  }
  if (char === ' ') {
    return { name: 'space', text: ' ' };
  }

  return { name: char, text: char };
}

/** What a key asks the UI to do while the table has the keyboard. */
export type Intent =
  | { type: 'move'; by: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'dock' }
  | { type: 'focus' }
  | { type: 'fullscreen' }
  | { type: 'orientation' }
  | { type: 'detach' }
  | { type: 'filter' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'language' }
  | { type: 'quit' }
  | { type: 'ask-quit' }
  | { type: 'door'; command: DoorCommand }
  | { type: 'create' }
  | { type: 'install' }
  | { type: 'remove' };

export interface Binding {
  /** Key names as `decodeKey` gives them; the first is the one shown. */
  keys: readonly string[];
  intent: Intent;
  /** Its description: `ui:keys.<label>`. */
  label: string;
  /** Shown on the bottom line of hints (the rest only in the help). */
  hint?: boolean;
}

// Enough rows to page through a long list, small enough to keep context.
const PAGE_ROWS = 10;

/** The table's keys, in the order the help lists them. */
export const TABLE_BINDINGS: readonly Binding[] = [
  { keys: ['j', 'down'], intent: { type: 'move', by: 1 }, label: 'down' },
  { keys: ['k', 'up'], intent: { type: 'move', by: -1 }, label: 'up' },
  {
    keys: ['pagedown'],
    intent: { type: 'move', by: PAGE_ROWS },
    label: 'pageDown',
  },
  {
    keys: ['pageup'],
    intent: { type: 'move', by: -PAGE_ROWS },
    label: 'pageUp',
  },
  { keys: ['g', 'home'], intent: { type: 'first' }, label: 'first' },
  { keys: ['G', 'end'], intent: { type: 'last' }, label: 'last' },
  {
    keys: ['b'],
    intent: { type: 'door', command: 'boot' },
    label: 'boot',
    hint: true,
  },
  {
    keys: ['h'],
    intent: { type: 'door', command: 'halt' },
    label: 'halt',
    hint: true,
  },
  { keys: ['r'], intent: { type: 'door', command: 'reboot' }, label: 'reboot' },
  { keys: ['R'], intent: { type: 'door', command: 'ready' }, label: 'ready' },
  { keys: ['m'], intent: { type: 'door', command: 'mount' }, label: 'mount' },
  {
    keys: ['u'],
    intent: { type: 'door', command: 'unmount' },
    label: 'unmount',
  },
  { keys: ['n'], intent: { type: 'create' }, label: 'create', hint: true },
  { keys: ['i'], intent: { type: 'install' }, label: 'install' },
  { keys: ['x'], intent: { type: 'remove' }, label: 'remove' },
  { keys: ['enter', 'c'], intent: { type: 'dock' }, label: 'dock', hint: true },
  { keys: ['tab'], intent: { type: 'focus' }, label: 'focus' },
  { keys: ['f'], intent: { type: 'fullscreen' }, label: 'fullscreen' },
  { keys: ['s'], intent: { type: 'orientation' }, label: 'orientation' },
  { keys: ['d'], intent: { type: 'detach' }, label: 'detach' },
  { keys: ['/'], intent: { type: 'filter' }, label: 'filter', hint: true },
  { keys: ['escape'], intent: { type: 'back' }, label: 'back' },
  { keys: ['L'], intent: { type: 'language' }, label: 'language', hint: true },
  { keys: ['?'], intent: { type: 'help' }, label: 'help', hint: true },
  { keys: ['q'], intent: { type: 'quit' }, label: 'quit', hint: true },
  { keys: ['ctrl-c'], intent: { type: 'ask-quit' }, label: 'askQuit' },
];

export function tableIntent(press: KeyPress): Intent | undefined {
  return TABLE_BINDINGS.find((b) => b.keys.includes(press.name))?.intent;
}

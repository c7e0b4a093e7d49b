/**
 * The one key that leaves a console and gives the keyboard back to the UI.
 * Every other byte goes to the zone unchanged, so the key must be a control
 * character that programs rarely need; Ctrl-] is telnet's old choice.
 */
import { uiErrors } from '../../src/core/errors/ui.js';

export const DEFAULT_DETACH_KEY = 'ctrl-]';

// Control characters an operator can type as Ctrl plus a key.
const CONTROL_KEYS = '@abcdefghijklmnopqrstuvwxyz[\\]^_';

/** The byte `ctrl-x` sends; throws a localized error for anything else. */
export function detachByte(name: string): string {
  const match = /^ctrl-(.)$/i.exec(name.trim());
  const key = match?.[1]?.toLowerCase();
  const index = key === undefined ? -1 : CONTROL_KEYS.indexOf(key);

  // Ctrl-C, Ctrl-D, Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M, Ctrl-Q, Ctrl-S and Ctrl-Z
  // are things a shell needs: an interrupt, end of input, backspace, tab,
  // newline, return, flow control and suspend.
  if (index < 0 || 'cdhijmqsz'.includes(key ?? '')) {
    throw uiErrors.badDetachKey(name);
  }

  return String.fromCharCode(index);
}

export interface Split {
  /** What goes to the zone. */
  before: string;
  /** True when the detach key was pressed; what follows it is dropped. */
  detached: boolean;
}

/** Splits one chunk of keyboard input at the detach key. */
export function splitAtDetach(chunk: string, byte: string): Split {
  const at = chunk.indexOf(byte);

  return at < 0
    ? { before: chunk, detached: false }
    : { before: chunk.slice(0, at), detached: true };
}

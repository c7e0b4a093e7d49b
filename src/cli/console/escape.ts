/**
 * The console client's escape character, as zlogin and ssh have it: typed at
 * the start of a line, `~.` disconnects and `~~` sends one `~`. Anything
 * else after the escape character is sent as typed, escape included.
 */
import { errors } from '../../core/errors/console.js';

export const DEFAULT_ESCAPE = '~';

const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

/** Parses `-e` values: one character, or `^X` for a control character. */
export function parseEscape(text: string): number {
  if (text.length === 1 && text.charCodeAt(0) < 0x80) {
    return text.charCodeAt(0);
  }

  const caret = /^\^([@A-Za-z[\\\]^_?])$/.exec(text);
  if (caret) {
    const letter = (caret[1] as string).toUpperCase();
    return letter === '?' ? 0x7f : letter.charCodeAt(0) - 0x40;
  }

  throw errors.badEscape(text);
}

/** How the escape character is shown to the operator (`~`, `^]`). */
export function showEscape(code: number): string {
  if (code < 0x20) {
    return `^${String.fromCharCode(code + 0x40)}`;
  }

  return code === 0x7f ? '^?' : String.fromCharCode(code);
}

export interface Filtered {
  /** Bytes to send to the zone. */
  send: Buffer;
  /** The operator asked to disconnect. */
  detach: boolean;
}

export class EscapeFilter {
  private atLineStart = true;
  private escaped = false;

  /** `escape` is the character code, or null when escapes are disabled. */
  constructor(private readonly escape: number | null) {}

  filter(input: Buffer): Filtered {
    if (this.escape === null) {
      return { send: input, detach: false };
    }

    const out: number[] = [];

    for (const byte of input) {
      if (this.escaped) {
        this.escaped = false;

        if (byte === DOT) {
          return { send: Buffer.from(out), detach: true };
        }
        if (byte !== this.escape) {
          out.push(this.escape);
        }
        out.push(byte);
        this.atLineStart = byte === CR || byte === LF;
        continue;
      }

      if (this.atLineStart && byte === this.escape) {
        this.escaped = true;
        continue;
      }

      out.push(byte);
      this.atLineStart = byte === CR || byte === LF;
    }

    return { send: Buffer.from(out), detach: false };
  }
}

/**
 * Turns styled runs into text with SGR escapes. Ink keeps SGR sequences in
 * text and strips every other control sequence, so one string per console
 * line is far cheaper to lay out than a nested element per run.
 */
import { ATTR, DEFAULT_COLOR, RGB_COLOR, type Run } from './cell-walk.js';

const ESC = '\u001B[';
const RESET = `${ESC}0m`;

// SGR parameters of each attribute bit.
const ATTR_CODES: readonly [number, number][] = [
  [ATTR.bold, 1],
  [ATTR.dim, 2],
  [ATTR.italic, 3],
  [ATTR.underline, 4],
  [ATTR.inverse, 7],
  [ATTR.strike, 9],
];

/** One line: each run opens with its full style and the line ends reset. */
export function runsToAnsi(runs: readonly Run[]): string {
  let out = '';
  let styled = false;

  for (const run of runs) {
    const codes = sgrCodes(run);

    if (codes.length > 0) {
      out += `${ESC}0;${codes.join(';')}m${run.text}`;
      styled = true;
    } else {
      out += styled ? `${RESET}${run.text}` : run.text;
      styled = false;
    }
  }

  return styled ? out + RESET : out;
}

function sgrCodes(run: Run): (number | string)[] {
  const codes: (number | string)[] = [];

  for (const [bit, code] of ATTR_CODES) {
    if (run.attrs & bit) {
      codes.push(code);
    }
  }
  if (run.fg !== DEFAULT_COLOR) {
    codes.push(colorCode(run.fg, 30));
  }
  if (run.bg !== DEFAULT_COLOR) {
    codes.push(colorCode(run.bg, 40));
  }

  return codes;
}

/** `base` is 30 for the foreground, 40 for the background. */
function colorCode(color: number, base: 30 | 40): string {
  if (color & RGB_COLOR) {
    const rgb = color & 0xffffff;
    return `${base + 8};2;${rgb >> 16};${(rgb >> 8) & 0xff};${rgb & 0xff}`;
  }
  if (color < 8) {
    return String(base + color);
  }
  if (color < 16) {
    // The bright colours have codes of their own (90–97, 100–107).
    return String(base + 60 + color - 8);
  }

  return `${base + 8};5;${color}`;
}

/** Fitting text into terminal columns, counting wide characters as two. */
import { displayWidth, isWide } from '../../src/core/width.js';

/** `text` cut to `width` columns, with `…` where something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) {
    return '';
  }
  if (displayWidth(text) <= width) {
    return text;
  }

  let out = '';
  let used = 0;

  for (const char of text) {
    const w = isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
    if (used + w > width - 1) {
      break;
    }
    out += char;
    used += w;
  }

  return `${out}…`;
}

/** `text` exactly `width` columns wide: cut, or padded with spaces. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);

  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

export { displayWidth };

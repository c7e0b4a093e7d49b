/**
 * Reads a headless terminal's screen as lines of styled runs: each run is a
 * stretch of neighbouring cells with identical attributes. One cell object
 * is reused for the whole walk (allocating one per cell dominates the cost
 * otherwise), and the second half of a wide character is skipped, since the
 * character before it already covers two columns.
 */
import type { IBuffer, IBufferCell } from '@xterm/headless';

/** The terminal's default colour (SGR 39 or 49). */
export const DEFAULT_COLOR = -1;

/** Set on an RGB colour, above the 0–255 palette. */
export const RGB_COLOR = 0x1000000;

export const ATTR = {
  bold: 1,
  dim: 2,
  italic: 4,
  underline: 8,
  inverse: 16,
  invisible: 32,
  strike: 64,
} as const;

export interface Run {
  text: string;
  /** DEFAULT_COLOR, a palette index 0–255, or RGB_COLOR | 0xRRGGBB. */
  fg: number;
  bg: number;
  /** A sum of ATTR bits. */
  attrs: number;
}

export interface CursorSpot {
  x: number;
  y: number;
}

/**
 * The visible screen, `rows` lines of `cols` columns from the top of the
 * viewport. The cursor, when given, is drawn by inverting its cell.
 */
export function walkScreen(
  buffer: IBuffer,
  cols: number,
  rows: number,
  cursor?: CursorSpot,
): Run[][] {
  const cell = buffer.getNullCell();
  const lines: Run[][] = [];

  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const runs: Run[] = [];
    let last: Run | undefined;

    for (let x = 0; x < cols; x++) {
      let text = ' ';
      let fg = DEFAULT_COLOR;
      let bg = DEFAULT_COLOR;
      let attrs = 0;

      if (line) {
        line.getCell(x, cell);
        if (cell.getWidth() === 0) {
          continue;
        }
        text = cell.getChars() || ' ';
        fg = colorOf(cell.isFgDefault(), cell.isFgRGB(), cell.getFgColor());
        bg = colorOf(cell.isBgDefault(), cell.isBgRGB(), cell.getBgColor());
        attrs = attributesOf(cell);
      }

      if (cursor && cursor.x === x && cursor.y === y) {
        attrs ^= ATTR.inverse;
      }
      if (attrs & ATTR.invisible) {
        text = ' '.repeat(text === ' ' ? 1 : cellWidth(cell));
      }

      if (last && last.fg === fg && last.bg === bg && last.attrs === attrs) {
        last.text += text;
      } else {
        last = { text, fg, bg, attrs };
        runs.push(last);
      }
    }

    lines.push(runs);
  }

  return lines;
}

function colorOf(isDefault: boolean, isRgb: boolean, value: number): number {
  if (isDefault) {
    return DEFAULT_COLOR;
  }

  return isRgb ? RGB_COLOR | value : value;
}

function attributesOf(cell: IBufferCell): number {
  return (
    (cell.isBold() ? ATTR.bold : 0) |
    (cell.isDim() ? ATTR.dim : 0) |
    (cell.isItalic() ? ATTR.italic : 0) |
    (cell.isUnderline() ? ATTR.underline : 0) |
    (cell.isInverse() ? ATTR.inverse : 0) |
    (cell.isInvisible() ? ATTR.invisible : 0) |
    (cell.isStrikethrough() ? ATTR.strike : 0)
  );
}

function cellWidth(cell: IBufferCell): number {
  return Math.max(1, cell.getWidth());
}

/**
 * How the screen is divided. The root is one line shorter than the terminal:
 * Ink redraws everything, with a visible flicker, whenever its last frame
 * was as tall as the terminal.
 */
import type { Orientation } from './ui-state.js';

export interface Size {
  cols: number;
  rows: number;
}

export interface Rect {
  width: number;
  height: number;
}

export interface ScreenLayout {
  /** The whole frame Ink draws. */
  frame: Rect;
  /** The table, its header line included. */
  table: Rect;
  /** The docked console with its title line, when one is docked. */
  pane?: Rect;
  /** The console's own size: the pane without its title line. */
  console?: Size;
  orientation: Orientation;
}

// The smallest terminal the UI is laid out for; below it, it still draws
// but cuts columns rather than wrapping lines.
export const MIN_SIZE: Size = { cols: 80, rows: 24 };

// Title, message and hint lines around the body.
const CHROME_ROWS = 3;

// Below the table, the console gets what the table does not need; the table
// keeps about a third of the body so that several zones stay in view.
const TABLE_SHARE_BELOW = 0.3;
const MIN_TABLE_ROWS = 3;
const MAX_TABLE_ROWS = 12;

// Beside the table, the table keeps the name, state and uptime columns.
const TABLE_SHARE_BESIDE = 0.4;
const MIN_TABLE_COLS = 34;
const MAX_TABLE_COLS = 64;

export function computeLayout(
  terminal: Size,
  docked: boolean,
  orientation: Orientation,
): ScreenLayout {
  const cols = Math.max(1, terminal.cols);
  const height = Math.max(CHROME_ROWS + 2, terminal.rows - 1);
  const body = height - CHROME_ROWS;
  const frame = { width: cols, height };

  if (!docked) {
    return { frame, table: { width: cols, height: body }, orientation };
  }

  if (orientation === 'below') {
    const tableRows = clamp(
      Math.floor(body * TABLE_SHARE_BELOW),
      MIN_TABLE_ROWS,
      MAX_TABLE_ROWS,
    );
    const table = { width: cols, height: 1 + tableRows };
    const pane = { width: cols, height: Math.max(2, body - table.height) };

    return {
      frame,
      table,
      pane,
      console: { cols, rows: pane.height - 1 },
      orientation,
    };
  }

  // One column between the two for a separator.
  const tableCols = clamp(
    Math.floor(cols * TABLE_SHARE_BESIDE),
    Math.min(MIN_TABLE_COLS, cols - 11),
    MAX_TABLE_COLS,
  );
  const paneCols = Math.max(10, cols - tableCols - 1);

  return {
    frame,
    table: { width: tableCols, height: body },
    pane: { width: paneCols, height: body },
    console: { cols: paneCols, rows: Math.max(1, body - 1) },
    orientation,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

import { displayWidth, padEnd } from '../core/width.js';

/** A header line over `rows`, aligned together. */
export function formatTable(
  headers: readonly string[],
  rows: readonly string[][],
): string {
  return formatRows([headers, ...rows]);
}

/** Columns separated by two spaces, each as wide as its widest cell. */
export function formatRows(all: readonly (readonly string[])[]): string {
  const headers = all[0] ?? [];
  const widths = headers.map((_, col) =>
    Math.max(...all.map((row) => displayWidth(row[col] ?? ''))),
  );

  return all
    .map((row) =>
      row
        .map((cell, col) =>
          col === row.length - 1 ? cell : padEnd(cell, widths[col] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

// Wide (two-column) code points as terminals draw them: Hangul Jamo, CJK
// punctuation and ideographs, kana, Hangul syllables, full-width forms.
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

export function isWide(codePoint: number): boolean {
  // Everything below Hangul Jamo is narrow; most text never reaches the list.
  if (codePoint < 0x1100) {
    return false;
  }

  return WIDE_RANGES.some(
    ([low, high]) => codePoint >= low && codePoint <= high,
  );
}

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;

  for (const char of text) {
    width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  }

  return width;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

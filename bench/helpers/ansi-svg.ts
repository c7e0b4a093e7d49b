/**
 * Draws a captured terminal screen (text with SGR colour escapes, as
 * `tmux capture-pane -e` prints it) as an SVG image: one cell per column,
 * backgrounds as rectangles, runs of same-styled text as one element.
 */
import { isWide } from '../../src/core/width.js';

interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

interface Cell {
  char: string;
  style: Style;
  width: 1 | 2;
}

const CELL_W = 8.4;
const CELL_H = 17;
const FONT_PX = 14;
const FG = '#d0d0d0';
const BG = '#1c1c1c';

// The 16 basic colours as a dark terminal theme draws them.
const BASIC = [
  '#000000',
  '#cd3131',
  '#0dbc79',
  '#e5e510',
  '#2472c8',
  '#bc3fbc',
  '#11a8cd',
  '#e5e5e5',
  '#666666',
  '#f14c4c',
  '#23d18b',
  '#f5f543',
  '#3b8eea',
  '#d670d6',
  '#29b8db',
  '#ffffff',
];

function xterm256(n: number): string {
  if (n < 16) {
    return BASIC[n] ?? FG;
  }
  if (n >= 232) {
    const level = 8 + (n - 232) * 10;
    return rgb(level, level, level);
  }

  const i = n - 16;
  const step = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return rgb(
    step(Math.floor(i / 36)),
    step(Math.floor(i / 6) % 6),
    step(i % 6),
  );
}

function rgb(r: number, g: number, b: number): string {
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** Applies one SGR sequence's parameters to `style`. */
function applySgr(style: Style, params: number[]): Style {
  const next = { ...style };

  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) {
      Object.keys(next).forEach((k) => delete next[k as keyof Style]);
    } else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 22) next.bold = next.dim = false;
    else if (p === 24) next.underline = false;
    else if (p === 27) next.inverse = false;
    else if (p >= 30 && p <= 37) next.fg = BASIC[p - 30];
    else if (p >= 90 && p <= 97) next.fg = BASIC[p - 90 + 8];
    else if (p >= 40 && p <= 47) next.bg = BASIC[p - 40];
    else if (p >= 100 && p <= 107) next.bg = BASIC[p - 100 + 8];
    else if (p === 39) delete next.fg;
    else if (p === 49) delete next.bg;
    else if (p === 38 || p === 48) {
      const key = p === 38 ? 'fg' : 'bg';
      if (params[i + 1] === 5) {
        next[key] = xterm256(params[i + 2] ?? 0);
        i += 2;
      } else if (params[i + 1] === 2) {
        next[key] = rgb(
          params[i + 2] ?? 0,
          params[i + 3] ?? 0,
          params[i + 4] ?? 0,
        );
        i += 4;
      }
    }
  }

  return next;
}

// eslint-disable-next-line no-control-regex -- escapes are what it reads
const SGR_SPLIT = /(\x1b\[[0-9;:]*m)/;
// eslint-disable-next-line no-control-regex -- escapes are what it reads
const SGR = /^\x1b\[([0-9;:]*)m$/;

/** The screen's lines as cells, escapes turned into styles. */
function parse(screen: string): Cell[][] {
  let style: Style = {};

  return screen.split('\n').map((line) => {
    const cells: Cell[] = [];
    // SGR escapes, and the text between them.
    for (const part of line.split(SGR_SPLIT)) {
      const sgr = SGR.exec(part);
      if (sgr) {
        const params = (sgr[1] ?? '').split(/[;:]/).map((v) => Number(v || 0));
        style = applySgr(style, params);
        continue;
      }
      for (const char of part) {
        cells.push({
          char,
          style,
          width: isWide(char.codePointAt(0) ?? 0) ? 2 : 1,
        });
      }
    }
    return cells;
  });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function colours(style: Style): { fg: string; bg?: string } {
  const fg = style.fg ?? FG;
  return style.inverse ? { fg: style.bg ?? BG, bg: fg } : { fg, bg: style.bg };
}

export function ansiToSvg(screen: string, cols: number, rows: number): string {
  const width = Math.ceil(cols * CELL_W) + 16;
  const height = rows * CELL_H + 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" rx="6" fill="${BG}"/>`,
    `<g transform="translate(8 8)" font-family="DejaVu Sans Mono, Menlo, ` +
      `Consolas, monospace" font-size="${FONT_PX}px" xml:space="preserve">`,
  ];

  parse(screen)
    .slice(0, rows)
    .forEach((cells, row) => {
      const y = row * CELL_H;
      let col = 0;
      let i = 0;

      // One run: cells in a row with the same style.
      while (i < cells.length) {
        const first = cells[i] as Cell;
        let text = '';
        let span = 0;
        while (i < cells.length && cells[i]?.style === first.style) {
          text += cells[i]?.char ?? '';
          span += cells[i]?.width ?? 1;
          i++;
        }

        const { fg, bg } = colours(first.style);
        const x = col * CELL_W;
        if (bg) {
          out.push(
            `<rect x="${x.toFixed(1)}" y="${y}" width="${(span * CELL_W).toFixed(1)}" ` +
              `height="${CELL_H}" fill="${bg}"/>`,
          );
        }
        if (text.trim()) {
          const weight = first.style.bold ? ' font-weight="bold"' : '';
          const dim = first.style.dim ? ' opacity="0.6"' : '';
          const line = first.style.underline
            ? ' text-decoration="underline"'
            : '';
          out.push(
            `<text x="${x.toFixed(1)}" y="${y + CELL_H - 4}" fill="${fg}" ` +
              `textLength="${(span * CELL_W).toFixed(1)}"${weight}${dim}${line}>` +
              `${escapeXml(text)}</text>`,
          );
        }
        col += span;
      }
    });

  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

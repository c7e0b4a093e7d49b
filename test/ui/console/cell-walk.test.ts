import assert from 'node:assert/strict';
import { test } from 'node:test';
import xtermHeadless from '@xterm/headless';
import {
  ATTR,
  DEFAULT_COLOR,
  RGB_COLOR,
  walkScreen,
  type Run,
} from '../../../components/console/cell-walk.js';
import { runsToAnsi } from '../../../components/console/sgr.js';
import { displayWidth } from '../../../src/core/width.js';

const { Terminal } = xtermHeadless;

async function screen(data: string, cols = 20, rows = 3, cursor = false) {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(data, resolve));
  const buffer = term.buffer.active;
  const lines = walkScreen(
    buffer,
    cols,
    rows,
    cursor ? { x: buffer.cursorX, y: buffer.cursorY } : undefined,
  );
  term.dispose();

  return lines;
}

const text = (runs: Run[]) => runs.map((r) => r.text).join('');

test('each line is as wide as the console, and runs group identical cells', async () => {
  const [line] = await screen('ab\u001B[31mcd\u001B[0mef');

  assert.equal(text(line ?? []), `abcdef${' '.repeat(14)}`);
  assert.deepEqual(
    line?.map((r) => [r.text.trimEnd(), r.fg]),
    [
      ['ab', DEFAULT_COLOR],
      ['cd', 1],
      ['ef', DEFAULT_COLOR],
    ],
  );
});

test('wide characters take two columns and their second half is skipped', async () => {
  const [line] = await screen('日本語ok');
  const shown = text(line ?? []);

  assert.ok(shown.startsWith('日本語ok'));
  assert.equal(displayWidth(shown), 20, 'the line still fills 20 columns');
});

test('palette, 256-colour and RGB colours, and the attributes, are kept', async () => {
  const [line] = await screen(
    '\u001B[1;4;92mA\u001B[0m\u001B[38;5;208;7mB\u001B[0m\u001B[48;2;1;2;3;3mC',
  );
  const [a, b, c] = line ?? [];

  assert.deepEqual([a?.fg, a?.attrs], [10, ATTR.bold | ATTR.underline]);
  assert.deepEqual([b?.fg, b?.attrs], [208, ATTR.inverse]);
  assert.deepEqual([c?.bg, c?.attrs], [RGB_COLOR | 0x010203, ATTR.italic]);
});

test('the cursor is drawn by inverting its cell', async () => {
  const [line] = await screen('$ ', 10, 1, true);

  assert.deepEqual(
    line?.map((r) => [r.text, r.attrs]),
    [
      ['$ ', 0],
      [' ', ATTR.inverse],
      ['       ', 0],
    ],
  );
});

test('runs become text with SGR escapes that restore the default at the end', async () => {
  const [line] = await screen(
    'a\u001B[1;38;5;208mb\u001B[0;44mc\u001B[0md',
    6,
    1,
  );

  assert.equal(
    runsToAnsi(line ?? []),
    'a\u001B[0;1;38;5;208mb\u001B[0;44mc\u001B[0md  ',
  );
});

test('RGB colours come out as 24-bit SGR, bright colours as 90–97', async () => {
  const [line] = await screen(
    '\u001B[38;2;255;128;0mx\u001B[0m\u001B[95my',
    2,
    1,
  );

  assert.equal(
    runsToAnsi(line ?? []),
    '\u001B[0;38;2;255;128;0mx\u001B[0;95my\u001B[0m',
  );
});

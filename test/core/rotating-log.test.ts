import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { RotatingLog, readRotatedLog } from '../../src/core/rotating-log.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-log-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

  return dir;
}

test('a console log keeps the newest output within twice its cap', (t) => {
  const file = path.join(tempDir(t), 'web.console.log');
  const log = new RotatingLog(file, 1000);

  for (let i = 0; i < 300; i++) {
    log.append(Buffer.from(`line ${String(i).padStart(3, '0')}\n`));
  }
  log.close();

  const text = readRotatedLog(file)?.toString() ?? '';
  assert.ok(fs.statSync(file).size <= 1000);
  assert.ok(fs.statSync(`${file}.1`).size <= 1000);
  assert.ok(text.endsWith('line 299\n'));
  assert.equal(fs.existsSync(`${file}.2`), false);

  // What is kept is contiguous: no line is missing between first and last.
  const numbers = text
    .trim()
    .split('\n')
    .map((l) => Number(l.slice(5)));
  assert.deepEqual(
    numbers,
    numbers.map((_, i) => (numbers[0] as number) + i),
  );
});

test('a reopened log appends to what is there', (t) => {
  const file = path.join(tempDir(t), 'web.console.log');

  const first = new RotatingLog(file, 1000);
  first.append(Buffer.from('before\n'));
  first.close();
  const second = new RotatingLog(file, 1000);
  second.append(Buffer.from('after\n'));
  second.close();

  assert.equal(readRotatedLog(file)?.toString(), 'before\nafter\n');
});

test('a zone that never printed has no log', (t) => {
  assert.equal(readRotatedLog(path.join(tempDir(t), 'none.log')), undefined);
});

/**
 * The README's screenshot, made from a real run: real zones in a temporary
 * root, the real UI in a real terminal (tmux), its screen captured with
 * its colours and drawn as an SVG image. Run as root, after a build:
 *
 *   node dist/bench/screenshot.js [docs/screenshot.svg]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { mountsUnder } from '../src/install/mounts.js';
import { ansiToSvg } from './helpers/ansi-svg.js';
import { zonectl } from './helpers/real-zones.js';

const ZONECTL = fileURLToPath(new URL('../../bin/zonectl', import.meta.url));
const SOCKET = `zonectl-shot-${process.pid}`;
const COLS = 110;
const ROWS = 32;

// The UI draws a frame within a few hundred milliseconds of a change; a
// screen that has not shown what we wait for after this long never will.
const WAIT_MS = 30_000;

function tmux(...args: string[]): string {
  return spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' })
    .stdout;
}

async function until(pattern: RegExp): Promise<void> {
  const deadline = Date.now() + WAIT_MS;

  while (!pattern.test(tmux('capture-pane', '-p', '-t', 'ui'))) {
    if (Date.now() > deadline) {
      throw new Error(`the screen never showed ${pattern}`);
    }
    await sleep(100);
  }
}

async function shoot(root: string): Promise<string> {
  zonectl(root, 'create', 'web', 'memory-cap=256M', 'cpu-cap=0.5');
  zonectl(root, 'create', 'db', 'memory-cap=1G', 'max-processes=200');
  zonectl(root, 'create', 'build', 'hostname=build.lab');
  for (const zone of ['web', 'db', 'build']) {
    zonectl(root, 'install', zone);
  }
  zonectl(root, 'boot', 'web');
  zonectl(root, 'ready', 'db');

  tmux(
    'new-session',
    '-d',
    '-s',
    'ui',
    '-x',
    String(COLS),
    '-y',
    String(ROWS),
    `env LANG=C.UTF-8 TERM=tmux-256color ${process.execPath} ${ZONECTL} ` +
      `--root ${root}`,
  );
  await until(/NAME\s+STATE/);
  await until(/web\s+running/);

  // Dock web's console, show that it is a real shell, then give the
  // keyboard back to the table so the hints show the table's keys.
  // The table is sorted by name: web is the last row.
  tmux('send-keys', '-t', 'ui', 'G', 'Enter');
  await until(/root@web/);
  tmux('send-keys', '-t', 'ui', '-l', 'uname -sr; echo $((6*7))');
  tmux('send-keys', '-t', 'ui', 'Enter');
  await until(/^42\b/m);
  tmux('send-keys', '-t', 'ui', 'C-]');
  await sleep(500);

  return tmux('capture-pane', '-p', '-e', '-t', 'ui');
}

const out = path.resolve(process.argv[2] ?? 'docs/screenshot.svg');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-shot-'));
try {
  const screen = await shoot(root);
  fs.writeFileSync(out, ansiToSvg(screen, COLS, ROWS));
  console.log(`wrote ${out}`);
} finally {
  tmux('kill-server');
  for (const zone of ['web', 'db', 'build']) {
    spawnSync(process.execPath, [ZONECTL, '--root', root, 'halt', zone]);
  }
  // Never remove a tree that still has a zone's mounts in it.
  const left = mountsUnder(root);
  if (left.length > 0) {
    console.error(`left ${root} in place: it still has mounts: ${left}`);
  } else {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Console throughput and keystroke echo latency, through zonectl and,
 * side by side, through tmux on the same machine in the same run. Run as
 * root, after `npm run build`:
 *
 *   node dist/bench/console.js [--mb 100] [--keys 300]
 *
 * Throughput: `cat` of a text file inside a booted zone, to an attached
 * console client (zonectl) or to an attached tmux client whose pane runs
 * the same shell command; measured from the Enter that starts `cat` until
 * a marker printed after it arrives. Echo: one key typed at an idle shell
 * prompt until its echo arrives, many times over.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { createZoneClient } from '../src/client/zone-client.js';
import { resolvePaths } from '../src/core/paths.js';
import { zoneRoot } from '../src/install/sparse-root.js';
import { zonectl } from './helpers/real-zones.js';
import { formatMs, summarize } from './stats.js';

const ZONECTL = fileURLToPath(new URL('../../bin/zonectl', import.meta.url));
const ZONE = 'conbench';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const MEGABYTES = option('mb', 100);
const KEYS = option('keys', 300);

/** A byte stream we can write keys to and wait on for a pattern. */
interface Terminal {
  write(data: string): void;
  onData(listener: (text: string) => void): void;
}

/** Resolves when `pattern` shows in what arrives after the call. */
function next(term: Terminal, pattern: RegExp): Promise<number> {
  return new Promise((resolve) => {
    let tail = '';
    let bytes = 0;
    let done = false;
    term.onData((text) => {
      if (done) {
        return;
      }
      bytes += Buffer.byteLength(text);
      tail = (tail + text).slice(-4096);
      if (pattern.test(tail)) {
        done = true;
        resolve(bytes);
      }
    });
  });
}

async function throughput(term: Terminal, file: string) {
  const end = next(term, /cat-done-\d+/);
  const started = performance.now();
  term.write(`cat ${file}; echo cat-done-$((1+1))\r`);
  const bytes = await end;
  const seconds = (performance.now() - started) / 1000;

  return {
    seconds: Number(seconds.toFixed(2)),
    fileMBps: Number((MEGABYTES / seconds).toFixed(1)),
    receivedMB: Number((bytes / 1e6).toFixed(1)),
  };
}

async function echo(term: Terminal) {
  const samples: number[] = [];

  for (let i = 0; i < KEYS; i++) {
    const echoed = next(term, /x/);
    const started = performance.now();
    term.write('x');
    await echoed;
    samples.push(performance.now() - started);
    // Erase it again, so that the line never wraps. The shell echoes the
    // erase as a backspace or an escape sequence.
    // eslint-disable-next-line no-control-regex -- those bytes are the echo
    const erased = next(term, /\x08|\x1b\[/);
    term.write('\x7f');
    await erased;
  }

  const s = summarize(samples);
  return { runs: s.runs, median: formatMs(s.median), p99: formatMs(s.p99) };
}

/** A text file of MEGABYTES with 100-column lines, as logs look. */
function writeTextFile(file: string): void {
  const line = `${'0123456789'.repeat(10)}\n`;
  const block = line.repeat(10_000);
  const fd = fs.openSync(file, 'w');
  for (let n = 0; n < (MEGABYTES * 1e6) / block.length; n++) {
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
}

async function zonectlSide(root: string) {
  const client = createZoneClient({
    paths: resolvePaths({ root }),
    language: 'en',
  });
  const session = await client.console(ZONE, {
    locale: 'en',
    cols: 120,
    rows: 40,
  });
  const term: Terminal = {
    write: (data) => session.write(data),
    onData: (listener) => session.onData((chunk) => listener(chunk.toString())),
  };
  await settle(term);

  const result = {
    throughput: await throughput(term, '/tmp/bench.txt'),
    echo: await echo(term),
  };
  session.close();
  return result;
}

async function tmuxSide(file: string) {
  const socket = `zonectl-bench-${process.pid}`;
  spawnSync('tmux', [
    '-L',
    socket,
    '-f',
    '/dev/null',
    'new-session',
    '-d',
    '-x',
    '120',
    '-y',
    '40',
    'env PS1="$ " bash --norc -i',
  ]);
  const client = pty.spawn('tmux', ['-L', socket, 'attach'], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
  });

  try {
    const term: Terminal = {
      write: (data) => client.write(data),
      onData: (listener) => client.onData(listener),
    };
    await settle(term);
    return { throughput: await throughput(term, file), echo: await echo(term) };
  } finally {
    client.kill();
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

/** Waits until the shell has drawn its prompt and gone quiet. */
async function settle(term: Terminal): Promise<void> {
  const ready = next(term, /settled-\d+/);
  term.write('echo settled-$((2+2))\r');
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-con-'));
  const out: Record<string, unknown> = {
    megabytes: MEGABYTES,
    keys: KEYS,
    cpus: os.cpus().length,
  };

  try {
    zonectl(root, 'create', ZONE);
    zonectl(root, 'install', ZONE);
    const zonepath = resolvePaths({ root }).zones;
    const inZone = path.join(zoneRoot(path.join(zonepath, ZONE)), 'tmp');
    writeTextFile(path.join(inZone, 'bench.txt'));
    zonectl(root, 'boot', ZONE);

    out.zonectl = await zonectlSide(root);
    out.tmux = await tmuxSide(path.join(inZone, 'bench.txt'));
  } finally {
    spawnSync(process.execPath, [ZONECTL, '--root', root, 'halt', ZONE]);
    fs.rmSync(root, { recursive: true, force: true });
  }

  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();

/**
 * Measures zoneadmd: the round trip of a no-op request against a running
 * daemon, the time from `zonectl boot` with no daemon to a running zone, the
 * daemon's own start-up, and its memory. Run as root, after `npm run build`:
 *
 *   node dist/bench/daemon.js [--runs N]
 *
 * Everything happens in a temporary root, which is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDaemon } from '../src/client/start-daemon.js';
import { resolvePaths } from '../src/core/paths.js';
import { RawDoor, request, status } from '../test/helpers/door.js';

const ZONECTL = fileURLToPath(new URL('../../bin/zonectl', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 20;

// Round trips are cheap: many, for a stable p99.
const ROUND_TRIPS = 2000;
const NOOP_TRANSITIONS = 200;

function zonectl(root: string, ...args: string[]): number {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [ZONECTL, '--root', root, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8' },
    },
  );
  if (result.status !== 0) {
    throw new Error(`zonectl ${args.join(' ')}: ${result.stderr}`);
  }
  return performance.now() - started;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    runs: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    min: sorted[0] ?? NaN,
  };
}

function daemonPid(root: string): number {
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('zoneadmd') && cmdline.includes(root)) return pid;
    } catch {
      // Gone meanwhile.
    }
  }
  throw new Error('no daemon');
}

function memoryKiB(pid: number, field: string): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1]);
}

async function gone(pid: number): Promise<void> {
  while (fs.existsSync(`/proc/${pid}`)) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function roundTrips(root: string): Promise<{
  persistent: number[];
  fresh: number[];
  transition: number[];
}> {
  const persistent: number[] = [];
  const door = await RawDoor.open(root, 'bench');
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const started = performance.now();
    door.send(status());
    await door.next();
    persistent.push(performance.now() - started);
  }
  door.close();

  // A connection per request, as every zonectl command makes one.
  const fresh: number[] = [];
  for (let i = 0; i < ROUND_TRIPS / 4; i++) {
    const started = performance.now();
    const once = await RawDoor.open(root, 'bench');
    once.send(status());
    await once.next();
    once.close();
    fresh.push(performance.now() - started);
  }

  // A transition that changes nothing ("already booted") still reads the
  // host, checks the caller and writes an audit record.
  const transition: number[] = [];
  for (let i = 0; i < NOOP_TRANSITIONS; i++) {
    const started = performance.now();
    const once = await RawDoor.open(root, 'bench');
    once.send(request('boot'));
    await once.next();
    once.close();
    transition.push(performance.now() - started);
  }

  return { persistent, fresh, transition };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-'));
  const out: Record<string, unknown> = { runs: RUNS, host: os.cpus().length };

  try {
    const bare: number[] = [];
    const version: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      bare.push(performance.now() - started);
      started = performance.now();
      spawnSync(process.execPath, [ZONECTL, '--version']);
      version.push(performance.now() - started);
    }
    out.nodeBareMs = stats(bare);
    out.cliVersionMs = stats(version);

    zonectl(root, 'create', 'bench');
    zonectl(root, 'install', 'bench');

    // The daemon alone: spawn to handshake, for a zone that is installed.
    const daemonStart: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await startDaemon({
        paths: resolvePaths({ root }),
        zone: 'bench',
        language: 'en',
        env: process.env,
      });
      daemonStart.push(performance.now() - started);
      if (result.type !== 'handshake' || result.status !== 'ready') {
        throw new Error(`daemon did not start: ${JSON.stringify(result)}`);
      }
      // Let it go away before the next start (a halt of an installed zone).
      zonectl(root, 'halt', 'bench');
      await gone(result.pid);
    }
    out.daemonStartMs = stats(daemonStart);

    // The operator's view: boot with no daemon running, until running.
    const coldBoot: number[] = [];
    const cliOnly: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      coldBoot.push(zonectl(root, 'boot', 'bench'));
      cliOnly.push(zonectl(root, 'boot', 'bench'));
      zonectl(root, 'halt', 'bench');
    }
    out.coldBootMs = stats(coldBoot);
    out.alreadyBootedCliMs = stats(cliOnly);

    zonectl(root, 'boot', 'bench');
    const pid = daemonPid(root);
    out.daemonRssKiB = memoryKiB(pid, 'VmRSS');
    const trips = await roundTrips(root);
    out.statusPersistentMs = stats(trips.persistent);
    out.statusFreshConnectionMs = stats(trips.fresh);
    out.noopTransitionMs = stats(trips.transition);
    out.daemonRssAfterKiB = memoryKiB(pid, 'VmRSS');
    out.daemonPeakKiB = memoryKiB(pid, 'VmHWM');
    zonectl(root, 'halt', 'bench');
  } finally {
    spawnSync(process.execPath, [ZONECTL, '--root', root, 'halt', 'bench']);
    fs.rmSync(root, { recursive: true, force: true });
  }

  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();

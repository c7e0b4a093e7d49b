/**
 * Measures the platform layer beside the same steps done by hand
 * (bench/platform-shell.sh): ready, boot until the shell's prompt appears
 * on the console, and halt; plus the holder's memory. Run as root from the
 * package root, after `npm run build`:
 *
 *   node dist/bench/platform.js [runs]
 *
 * It works in a temporary root and removes it; each figure is the median
 * and the 95th percentile over `runs` (20 by default) after two warm-ups.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { ZoneIndex } from '../src/config/zone-index.js';
import { silentLogger } from '../src/core/logger.js';
import { resolvePaths } from '../src/core/paths.js';
import { readHierarchies } from '../src/platform/cgroup/hierarchy.js';
import { rootPrivilege } from '../src/platform/host.js';
import { createPlatform } from '../src/platform/index.js';
import { zoneLayout } from '../src/platform/layout.js';
import { startHolder } from '../src/platform/link/start.js';
import { buildZoneRoot } from '../src/platform/setup/zone-root.js';
import { teardown } from '../src/platform/teardown.js';
import type { HolderLink, ZoneSpec } from '../src/platform/types.js';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const SHELL = path.join(PACKAGE, 'bench/platform-shell.sh');
const ZONECTL = path.join(PACKAGE, 'bin/zonectl');
const RUNS = Number(process.argv[2] ?? 20);
const WARMUP = 2;
const PROMPT = /root@[^\s:]+:[^\r\n]*# $/m;

type Sample = { ready: number; boot: number; halt: number };

function stats(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[
      Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)
    ] as number;

  return { median: at(0.5), p95: at(0.95) };
}

function waitFor(
  text: () => string,
  subscribe: (wake: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (PROMPT.test(text())) {
        resolve();
      } else {
        subscribe(check);
      }
    };
    check();
  });
}

async function platformRun(spec: ZoneSpec): Promise<Sample> {
  const platform = createPlatform({ logger: silentLogger });

  let t = performance.now();
  await platform.ready(spec);
  const ready = performance.now() - t;

  const link: HolderLink = await platform.attach(spec);
  let text = '';
  let wake: () => void = () => {};
  link.onData((d) => {
    text += d.toString();
    wake();
  });
  t = performance.now();
  await platform.boot(spec, []);
  await waitFor(
    () => text,
    (w) => (wake = w),
  );
  const boot = performance.now() - t;

  t = performance.now();
  await platform.halt(spec);
  const halt = performance.now() - t;
  link.close();

  return { ready, boot, halt };
}

async function shellRun(spec: ZoneSpec, n: number): Promise<Sample> {
  const run = path.join(spec.paths.run, `shell-${n}`);
  const root = path.join(spec.config.zonepath, 'root');
  const cgroup = path.join(
    readHierarchies().unified as string,
    `zonectl-bench-${process.pid}`,
  );
  const sh = (...args: string[]) => {
    const result = spawnSync('sh', [SHELL, ...args], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`platform-shell.sh ${args[0]}: ${result.stderr}`);
    }
  };

  let t = performance.now();
  sh('ready', run, root, spec.zone, cgroup);
  const ready = performance.now() - t;

  t = performance.now();
  const term = pty.spawn('sh', [SHELL, 'boot', run, cgroup], {
    cols: 80,
    rows: 24,
  });
  let text = '';
  let wake: () => void = () => {};
  term.onData((d) => {
    text += d;
    wake();
  });
  await waitFor(
    () => text,
    (w) => (wake = w),
  );
  const boot = performance.now() - t;

  const exited = new Promise((resolve) => term.onExit(resolve));
  t = performance.now();
  sh('halt', run, cgroup);
  const halt = performance.now() - t;
  await exited;

  return { ready, boot, halt };
}

/** The two long parts of ready, each alone: the holder's start and the root. */
async function readyParts(
  spec: ZoneSpec,
): Promise<{ holder: number; root: number }> {
  const layout = zoneLayout(spec);
  const host = {
    logger: silentLogger,
    privilege: rootPrivilege,
    hierarchies: readHierarchies,
  };
  fs.mkdirSync(layout.platformDir, { recursive: true, mode: 0o700 });

  let t = performance.now();
  const pid = await startHolder(
    layout,
    { id: 1, logLevel: 'info', rootless: false },
    silentLogger,
  );
  const holder = performance.now() - t;
  process.kill(pid, 'SIGKILL');

  t = performance.now();
  await buildZoneRoot(host, layout, spec.config);
  const root = performance.now() - t;

  await teardown(host, layout);
  return { holder, root };
}

function holderRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

async function rss(spec: ZoneSpec): Promise<Record<string, number>> {
  const platform = createPlatform({ logger: silentLogger });
  const ready = await platform.ready(spec);
  const pid = ready.holderPid as number;
  const idle = holderRss(pid);

  const link = await platform.attach(spec);
  let text = '';
  let wake: () => void = () => {};
  link.onData((d) => {
    text += d.toString();
    wake();
  });
  await platform.boot(spec, []);
  await waitFor(
    () => text,
    (w) => (wake = w),
  );
  const booted = holderRss(pid);

  // Fill the console ring several times over with a client attached.
  const before = text.length;
  link.write('seq 1 400000; echo __E""ND\r');
  await new Promise<void>((resolve) => {
    const check = () =>
      text.slice(before).includes('__END') ? resolve() : (wake = check);
    check();
  });
  const afterOutput = holderRss(pid);
  link.close();
  await platform.halt(spec);

  return { idle, booted, afterOutput };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-'));
  const zonectl = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [ZONECTL, '--root', root, ...args],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(result.stderr);
    }
  };

  try {
    zonectl('create', 'bench');
    zonectl('install', 'bench');
    const paths = resolvePaths({ root });
    const spec = {
      zone: 'bench',
      config: new ZoneIndex(paths).get('bench').config,
      paths,
    };
    fs.mkdirSync(paths.run, { recursive: true });

    const platform: Sample[] = [];
    const shell: Sample[] = [];
    for (let n = 0; n < RUNS + WARMUP; n++) {
      const p = await platformRun(spec);
      const s = await shellRun(spec, n);
      if (n >= WARMUP) {
        platform.push(p);
        shell.push(s);
      }
    }

    const parts: { holder: number; root: number }[] = [];
    for (let n = 0; n < RUNS + WARMUP; n++) {
      const part = await readyParts(spec);
      if (n >= WARMUP) {
        parts.push(part);
      }
    }

    const memory = await rss(spec);
    const row = (name: string, samples: Sample[], key: keyof Sample) => {
      const { median, p95 } = stats(samples.map((s) => s[key]));
      return `| ${key} | ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`;
    };

    console.log(
      `runs: ${RUNS}, load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('| step | how | median ms | p95 ms |');
    console.log('| --- | --- | --- | --- |');
    for (const key of ['ready', 'boot', 'halt'] as const) {
      console.log(row('platform', platform, key));
      console.log(row('shell', shell, key));
    }
    for (const key of ['holder', 'root'] as const) {
      const { median, p95 } = stats(parts.map((p) => p[key]));
      console.log(
        `| ready, ${key} part alone | platform | ${median.toFixed(1)} | ${p95.toFixed(1)} |`,
      );
    }
    console.log('');
    console.log('| holder RSS | MiB |');
    console.log('| --- | --- |');
    for (const [when, mib] of Object.entries(memory)) {
      console.log(`| ${when} | ${mib.toFixed(1)} |`);
    }
  } finally {
    spawnSync('umount', ['-R', path.join(root, 'run')]);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();

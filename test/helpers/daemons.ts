/**
 * Helpers for tests that run real zone daemons on the real platform: a
 * temporary root whose cleanup (even after a failure) kills the daemons it
 * started, by pid, and tears every zone down through the platform before
 * the root itself is checked for leftover mounts and removed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestContext } from 'node:test';
import { readIndexFile } from '../../src/config/read-index.js';
import { silentLogger } from '../../src/core/logger.js';
import { resolvePaths, type Paths } from '../../src/core/paths.js';
import { loadPlatform } from '../../src/daemon/platform-loader.js';
import type { ZoneSpec } from '../../src/platform/types.js';
import { zonectl } from './cli.js';
import { tempRoot } from './temp-root.js';

// A process being killed or a zone being torn down takes milliseconds; this
// only bounds how long a broken test hangs before it says so.
const GONE_WAIT_MS = 10_000;
const GONE_CHECK_MS = 10;

/** A fresh root; its zones and daemons are cleaned up when the test ends. */
export function zoneRoot(t: TestContext): string {
  const made: { root?: string } = {};

  // Registered before tempRoot's own cleanup, so it runs first.
  t.after(async () => {
    if (made.root !== undefined) {
      await stopEverything(made.root);
    }
  });
  made.root = tempRoot(t);

  return made.root;
}

export function pathsOf(root: string): Paths {
  return resolvePaths({ root });
}

/** Configures and installs a zone, failing the test if either step fails. */
export function installZone(
  root: string,
  zone: string,
  ...settings: string[]
): void {
  for (const args of [
    ['create', zone, ...settings],
    ['install', zone],
  ]) {
    const result = zonectl(root, args);
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
  }
}

/** Pids of the processes started for this root: daemons and holders. */
export function processesOf(root: string, marker = ''): number[] {
  const pids: number[] = [];

  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) {
      continue;
    }
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(root) && cmdline.includes(marker)) {
        pids.push(pid);
      }
    } catch {
      // It ended while we looked.
    }
  }

  return pids;
}

/** The zone daemons running for this root. */
export function daemonPids(root: string, zone?: string): number[] {
  return processesOf(root, 'zoneadmd').filter((pid) => {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return zone === undefined || args[args.indexOf('-z') + 1] === zone;
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    return / Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Waits until a process that is not our child has ended. Node cannot wait
 * for a stranger's exit, so this looks every few milliseconds, in tests only.
 */
export async function waitGone(pid: number): Promise<void> {
  await waitFor(() => !isAlive(pid), `process ${pid} to end`);
}

/** Checks `condition` every few milliseconds until it holds. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
): Promise<void> {
  const deadline = Date.now() + GONE_WAIT_MS;

  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await sleep(GONE_CHECK_MS);
  }
}

/** The zone as the platform sees it, read straight from the host. */
export async function specOf(root: string, zone: string): Promise<ZoneSpec> {
  const paths = pathsOf(root);
  const index = readIndexFile(`${paths.etc}/zones.json`);
  const record = index.zones[zone];
  assert.ok(record, `zone ${zone} is configured`);

  return { zone, paths, config: record.config };
}

export async function platform() {
  return loadPlatform(silentLogger);
}

/**
 * Kills this root's clients and daemons (the zones do not notice), then
 * tears every zone down through the platform, then kills whatever is left.
 * Clients go first: a console client that loses its daemon starts a
 * fresh one.
 */
async function stopEverything(root: string): Promise<void> {
  for (const pid of processesOf(root, 'bin/zonectl\0')) {
    process.kill(pid, 'SIGKILL');
    await waitGone(pid);
  }
  for (const pid of daemonPids(root)) {
    process.kill(pid, 'SIGKILL');
  }
  for (const pid of daemonPids(root)) {
    await waitGone(pid);
  }

  const paths = pathsOf(root);
  let zones: string[] = [];
  try {
    zones = Object.keys(readIndexFile(`${paths.etc}/zones.json`).zones);
  } catch {
    // A test that broke the index on purpose; nothing was set up from it.
  }

  const host = await platform();
  for (const zone of zones) {
    const spec = await specOf(root, zone);
    const probe = await host.probe(spec);
    if (probe.state === 'mounted') {
      await host.unmount(spec);
    } else if (probe.state !== 'installed') {
      await host.halt(spec);
    }
  }

  for (const pid of processesOf(root)) {
    process.kill(pid, 'SIGKILL');
    await waitGone(pid);
  }
}

/** How many inotify watches process `pid` holds (what fs.watch uses). */
export function inotifyWatches(pid: number): number {
  let count = 0;

  for (const fd of fs.readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      const info = fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
      count += info.split('\n').filter((l) => l.startsWith('inotify')).length;
    } catch {
      // Closed while we looked.
    }
  }

  return count;
}

/** Resolves once process `pid` watches at least `count` paths. */
export function watching(pid: number, count: number): Promise<void> {
  return waitFor(
    () => isAlive(pid) && inotifyWatches(pid) >= count,
    `process ${pid} to watch ${count} paths`,
  );
}

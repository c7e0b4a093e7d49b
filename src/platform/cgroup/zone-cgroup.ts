import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ZoneConfig } from '../../config/zone-config.js';
import { errors } from '../../core/errors/platform.js';
import type { Logger } from '../../core/logger.js';
import { CGROUP_PARENT } from '../layout.js';
import { capsOf, type Cap } from './caps.js';
import {
  allMounts,
  place,
  type Controller,
  type Hierarchies,
} from './hierarchy.js';

// How long teardown keeps asking a cgroup to empty before it gives up. The
// processes are already killed; this only covers the kernel reaping them.
const CGROUP_EMPTY_TIMEOUT_MS = 5_000;
const CGROUP_EMPTY_RETRY_MS = 10;

/** A zone's cgroup: one directory in each tree it needs. */
export interface ZoneCgroup {
  /** The cgroup.procs files every process of the zone is written into. */
  readonly procs: readonly string[];
  /** The cgroup.procs that lists every process of the zone, if any. */
  readonly tracking: string | undefined;
}

export interface CgroupSetup {
  readonly cgroup: ZoneCgroup;
  /** Caps that hold no effect because this user may not create cgroups. */
  readonly notApplied: readonly string[];
}

interface Target {
  readonly mount: string;
  readonly version: 1 | 2;
  readonly caps: Cap[];
}

/**
 * Creates the zone's cgroup outside the caller's own, so a service manager
 * that restarts zoneadmd leaves the zone alone, and writes its caps. The
 * unified tree is used for tracking and killing even where it offers no
 * controller. Root gets an error for any cap the host cannot enforce; a
 * rootless caller gets that cap back as not applied.
 */
export function createZoneCgroup(
  zone: string,
  name: string,
  config: ZoneConfig,
  hierarchies: Hierarchies,
  logger: Logger,
): CgroupSetup {
  const privileged = process.getuid?.() === 0;
  const caps = capsOf(config);
  const targets = new Map<string, Target>();

  if (hierarchies.unified) {
    targets.set(hierarchies.unified, {
      mount: hierarchies.unified,
      version: 2,
      caps: [],
    });
  }

  const unplaced: Cap[] = [];
  for (const cap of caps) {
    const placement = place(hierarchies, cap.controller);
    if (!placement) {
      unplaced.push(cap);
      continue;
    }
    const target = targets.get(placement.mount) ?? {
      ...placement,
      caps: [],
    };
    target.caps.push(cap);
    targets.set(placement.mount, target);
  }

  if (unplaced.length > 0 && privileged) {
    const cap = unplaced[0] as Cap;
    throw errors.capUnavailable(zone, cap.key, cap.controller);
  }

  const procs: string[] = [];
  const notApplied = unplaced.map((cap) => cap.key);

  for (const target of targets.values()) {
    const dir = path.join(target.mount, CGROUP_PARENT, name);

    try {
      makeCgroupDir(target, dir);
    } catch (error) {
      if (!privileged && isPermission(error)) {
        notApplied.push(...target.caps.map((cap) => cap.key));
        continue;
      }
      throw errors.stepFailed(zone, 'cgroup', error);
    }

    procs.push(path.join(dir, 'cgroup.procs'));
    for (const cap of target.caps) {
      writeCap(zone, dir, cap, target.version);
    }
    logger.debug('cgroup created', {
      zone,
      dir,
      caps: target.caps.map((c) => c.key),
    });
  }

  return {
    cgroup: { procs, tracking: procs[0] },
    notApplied,
  };
}

function makeCgroupDir(target: Target, dir: string): void {
  const parent = path.dirname(dir);

  // Another zone's teardown may remove an empty parent between our two
  // mkdirs; the second attempt recreates it.
  for (let attempt = 0; ; attempt++) {
    fs.mkdirSync(parent, { recursive: true });
    if (target.version === 2) {
      enableControllers(target.mount, parent, target.caps);
    }
    try {
      fs.mkdirSync(dir);
      return;
    } catch (error) {
      if (attempt > 0 || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
    }
  }
}

// A v2 child sees a controller only when every ancestor passes it down.
function enableControllers(mount: string, parent: string, caps: Cap[]): void {
  const wanted = [...new Set<Controller>(caps.map((cap) => cap.controller))];

  for (const dir of [mount, parent]) {
    const file = path.join(dir, 'cgroup.subtree_control');
    const enabled = fs.readFileSync(file, 'utf8').split(/\s+/);
    const missing = wanted.filter((c) => !enabled.includes(c));
    if (missing.length > 0) {
      fs.writeFileSync(file, missing.map((c) => `+${c}`).join(' '));
    }
  }
}

function writeCap(zone: string, dir: string, cap: Cap, version: 1 | 2): void {
  for (const write of version === 2 ? cap.v2 : cap.v1) {
    const file = path.join(dir, write.file);
    if (write.optional && !fs.existsSync(file)) {
      continue;
    }
    try {
      fs.writeFileSync(file, write.value);
    } catch (error) {
      throw errors.capRejected(zone, cap.key, cap.value, error);
    }
  }
}

function isPermission(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;

  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/** The zone's cgroup directories that exist now, found by name alone. */
export function existingCgroupDirs(
  name: string,
  hierarchies: Hierarchies,
): string[] {
  return allMounts(hierarchies)
    .map((mount) => path.join(mount, CGROUP_PARENT, name))
    .filter((dir) => fs.existsSync(dir));
}

/** Host pids of every process in the zone's cgroup. */
export function cgroupPids(dir: string): number[] {
  try {
    return fs
      .readFileSync(path.join(dir, 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Ends every process of the zone and removes its cgroup directories. Safe
 * to call when none exist.
 */
export async function removeZoneCgroup(
  name: string,
  hierarchies: Hierarchies,
  logger: Logger,
): Promise<void> {
  const dirs = existingCgroupDirs(name, hierarchies);

  for (const dir of dirs) {
    killAll(dir);
  }

  for (const dir of dirs) {
    await removeWhenEmpty(dir);
    logger.debug('cgroup removed', { dir });
    try {
      fs.rmdirSync(path.dirname(dir));
    } catch {
      // Another zone still has its cgroup there; the parent stays.
    }
  }
}

function killAll(dir: string): void {
  const kill = path.join(dir, 'cgroup.kill');

  if (fs.existsSync(kill)) {
    try {
      fs.writeFileSync(kill, '1');
    } catch (error) {
      // Another teardown removed the cgroup meanwhile: nothing to kill.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw error;
      }
    }
    return;
  }

  for (const pid of cgroupPids(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It ended on its own meanwhile.
    }
  }
}

// rmdir fails with EBUSY until the kernel has reaped the killed processes;
// a v1 cgroup has no event to wait for, so this retries briefly.
async function removeWhenEmpty(dir: string): Promise<void> {
  const deadline = Date.now() + CGROUP_EMPTY_TIMEOUT_MS;

  for (;;) {
    try {
      fs.rmdirSync(dir);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        return;
      }
      if (code !== 'EBUSY' || Date.now() > deadline) {
        throw error;
      }
    }
    killAll(dir);
    await sleep(CGROUP_EMPTY_RETRY_MS);
  }
}

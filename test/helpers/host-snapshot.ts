import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mountPoints } from '../../src/install/mounts.js';
import { resolvePaths } from '../../src/core/paths.js';
import {
  allMounts,
  readHierarchies,
} from '../../src/platform/cgroup/hierarchy.js';
import { CGROUP_PARENT, rootTag } from '../../src/platform/layout.js';

/**
 * What a test may have changed on the host, read so that two snapshots can
 * be compared. Other work runs on the same machine at the same time (other
 * tests' temporary roots, the machine's own per-command cgroups), so each
 * part keeps what this test could have touched and drops the rest.
 */
export interface HostSnapshot {
  /** The mount table, line by line, without other test roots' mounts. */
  readonly mounts: string[];
  /** Processes of this root or of any zone, as `pid comm`. */
  readonly processes: string[];
  /** Cgroup directories, without the machine's own per-command ones. */
  readonly cgroups: string[];
}

export function hostSnapshot(root: string): HostSnapshot {
  // Other tests and tools make temporary mounts under the temporary folder
  // at any time; a mount of ours there lies under our root.
  const others = `${os.tmpdir()}/`;
  const mounts = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .filter((line) => {
      const point = line.split(' ')[4] ?? '';
      return point.startsWith(root) || !point.startsWith(others);
    });

  return {
    mounts,
    processes: processesOf(root),
    cgroups: cgroupTree(rootTag(resolvePaths({ root }).run)),
  };
}

/**
 * Live processes of this root: its holders (they name their socket), the
 * processes in its zones' cgroups, and their descendants, which covers a
 * rootless zone without a cgroup. Zombies have ended; the host's init reaps
 * them on its own schedule.
 */
export function processesOf(root: string): string[] {
  const tag = `-${rootTag(resolvePaths({ root }).run)}`;
  const table = new Map<
    number,
    { ppid: number; state: string; mine: boolean; comm: string }
  >();

  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const read = (file: string) => {
      try {
        return fs.readFileSync(`/proc/${entry}/${file}`, 'utf8');
      } catch {
        return '';
      }
    };
    const stat = read('stat');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!stat) {
      continue;
    }
    table.set(Number(entry), {
      ppid: Number(fields[1]),
      state: fields[0] ?? '',
      mine: read('cmdline').includes(root) || read('cgroup').includes(tag),
      comm: read('comm').trim(),
    });
  }

  const ours = (pid: number): boolean => {
    for (let at = table.get(pid); at; at = table.get(at.ppid)) {
      if (at.mine) {
        return true;
      }
      if (at.ppid <= 1) {
        return false;
      }
    }
    return false;
  };

  return [...table]
    .filter(([pid, p]) => pid !== process.pid && p.state !== 'Z' && ours(pid))
    .map(([pid, p]) => `${pid} ${p.comm}`)
    .sort();
}

function cgroupTree(tag: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        const child = path.join(dir, entry.name);
        dirs.push(child);
        walk(child);
      }
    }
  };

  for (const mount of allMounts(readHierarchies())) {
    walk(mount);
  }
  // The machine starts a cgroup for every command it runs, and the shared
  // zonectl parent comes and goes with other roots' zones.
  const ours = new RegExp(`/${CGROUP_PARENT}/[^/]+-${tag}(/|$)`);
  return dirs
    .filter((d) => !d.includes('/process_api'))
    .filter((d) => !d.includes(`/${CGROUP_PARENT}`) || ours.test(d))
    .sort();
}

/** Mount points under `dir`, for messages. */
export function mountsBelow(dir: string): string[] {
  return mountPoints().filter((m) => m.startsWith(dir));
}

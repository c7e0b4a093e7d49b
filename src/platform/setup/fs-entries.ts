import fs from 'node:fs';
import path from 'node:path';
import type { FsEntry } from '../../config/zone-config.js';
import { errors } from '../../core/errors/platform.js';
import { bind, type FstabEntry } from './fstab.js';

/** Folders of the zone that the platform itself mounts over. */
export const RESERVED_DIRS = ['usr', 'dev', 'proc', 'sys', 'run'] as const;

/**
 * Checks the configured `fs` entries and makes their mount points inside
 * the zone root. A mount point is made on the host's disk, before any
 * namespace exists, so no component of it may be a link: a zone could
 * otherwise make the host create folders anywhere.
 */
export function prepareFsEntries(
  zone: string,
  root: string,
  entries: readonly FsEntry[],
): FstabEntry[] {
  return entries.map((entry) => {
    let source: fs.Stats;
    try {
      source = fs.statSync(entry.source);
    } catch {
      throw errors.fsSourceMissing(zone, entry.dir, entry.source);
    }

    const parts = entry.dir.split('/').filter(Boolean);
    if (
      parts.length === 0 ||
      (RESERVED_DIRS as readonly string[]).includes(parts[0] as string)
    ) {
      throw errors.fsTargetReserved(zone, entry.dir);
    }

    const target = makeMountPoint(zone, root, entry.dir, parts, source);
    const options = entry.readonly
      ? ['ro', 'nosuid', 'nodev']
      : ['nosuid', 'nodev'];

    return bind(entry.source, target, ...options);
  });
}

function makeMountPoint(
  zone: string,
  root: string,
  dir: string,
  parts: string[],
  source: fs.Stats,
): string {
  let current = root;

  for (const [index, part] of parts.entries()) {
    current = path.join(current, part);
    const last = index === parts.length - 1;
    const stat = lstatOrUndefined(current);

    if (stat?.isSymbolicLink()) {
      throw errors.fsTargetUnsafe(zone, dir);
    }
    if (stat) {
      continue;
    }
    if (last && !source.isDirectory()) {
      fs.writeFileSync(current, '', { flag: 'wx', mode: 0o644 });
    } else {
      fs.mkdirSync(current, { mode: 0o755 });
    }
  }

  return current;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * The device nodes a zone sees. They are bind mounts of the host's own
 * nodes rather than new ones, because a user namespace may not create
 * device nodes, and both privileged and rootless zones take the same path.
 */
export const DEVICE_NODES = [
  'null',
  'zero',
  'full',
  'random',
  'urandom',
  'tty',
] as const;

/** Links every Linux userland expects in /dev. */
export const DEVICE_LINKS: readonly [string, string][] = [
  ['ptmx', 'pts/ptmx'],
  ['fd', '/proc/self/fd'],
  ['stdin', '/proc/self/fd/0'],
  ['stdout', '/proc/self/fd/1'],
  ['stderr', '/proc/self/fd/2'],
];

/** Folders other file systems are mounted on. */
export const DEVICE_DIRS = ['pts', 'shm'] as const;

/**
 * Writes what the zone's /dev starts with: mount points for the nodes,
 * links and folders. Copying it is one command inside the new namespace,
 * where Node cannot reach.
 */
export function writeDevTemplate(dir: string): void {
  fs.mkdirSync(dir, { mode: 0o755 });
  fs.chmodSync(dir, 0o755);

  for (const name of DEVICE_NODES) {
    fs.writeFileSync(path.join(dir, name), '', { mode: 0o666 });
  }
  for (const [name, target] of DEVICE_LINKS) {
    fs.symlinkSync(target, path.join(dir, name));
  }
  for (const name of DEVICE_DIRS) {
    fs.mkdirSync(path.join(dir, name), { mode: 0o755 });
  }
}

/**
 * Real zones for the benchmarks that need them, made and removed through
 * the real command line in a temporary root.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ZONECTL = fileURLToPath(new URL('../../../bin/zonectl', import.meta.url));

/** Runs the real zonectl under `root`; throws with its stderr on failure. */
export function zonectl(root: string, ...args: string[]): void {
  const result = spawnSync(
    process.execPath,
    [ZONECTL, '--root', root, ...args],
    {
      encoding: 'utf8',
    },
  );

  if (result.status !== 0) {
    throw new Error(`zonectl ${args.join(' ')}: ${result.stderr}`);
  }
}

export const zoneName = (i: number) => `zone${String(i + 1).padStart(3, '0')}`;

/** A root with `count` zones, installed and booted. */
export function prepareRunningZones(count: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-'));

  for (let i = 0; i < count; i++) {
    zonectl(root, 'create', zoneName(i));
    zonectl(root, 'install', zoneName(i));
    zonectl(root, 'boot', zoneName(i));
  }

  return root;
}

/** Halts every zone of the root and removes it. */
export function releaseZones(root: string): void {
  const list = spawnSync(
    process.execPath,
    [ZONECTL, '--root', root, 'list', '-i'],
    {
      encoding: 'utf8',
    },
  );

  for (const zone of list.stdout.split('\n').filter(Boolean)) {
    spawnSync(process.execPath, [
      ZONECTL,
      '--root',
      root,
      '--yes',
      'halt',
      zone,
    ]);
  }
  fs.rmSync(root, { recursive: true, force: true });
}

/**
 * An alternate root for a UI test that boots real zones. When the test
 * ends, the UI's terminal is gone first (its tmux server), then every zone
 * still up is halted through the real CLI, then the test fails if any mount
 * is left, and the root is removed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { mountsUnder } from '../../../src/install/mounts.js';
import { zonectl } from '../../helpers/cli.js';
import type { Tmux } from './tmux.js';

export function e2eRoot(t: TestContext, term: Tmux): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-ui-e2e-'));

  t.after(() => {
    // The UI first, so that its consoles no longer hold the zones' daemons.
    term.kill();

    const list = zonectl(root, ['list', '-i']);
    for (const zone of list.stdout.split('\n').filter(Boolean)) {
      zonectl(root, ['--yes', 'halt', zone]);
    }

    const left = mountsUnder(root);
    for (const mount of [...left].reverse()) {
      spawnSync('umount', ['-l', mount]);
    }
    fs.rmSync(root, { recursive: true, force: true });

    if (left.length > 0) {
      throw new Error(`the test left mounts behind: ${left.join(', ')}`);
    }
  });

  return root;
}

/** A configured and installed zone, made through the real CLI. */
export function installedZone(root: string, zone: string): void {
  for (const args of [
    ['create', zone],
    ['install', zone],
  ]) {
    const result = zonectl(root, args);
    if (result.code !== 0) {
      throw new Error(`zonectl ${args.join(' ')}: ${result.stderr}`);
    }
  }
}

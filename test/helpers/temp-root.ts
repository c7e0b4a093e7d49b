import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { mountsUnder } from '../../src/install/mounts.js';

/**
 * A fresh alternate root for one test, removed when the test ends. The test
 * fails if anything is still mounted under the root then; the leftovers are
 * unmounted first, so that no later test inherits them.
 */
export function tempRoot(t: TestContext): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-test-'));

  t.after(() => {
    const left = mountsUnder(root);

    // Lazily and deepest first, so that a busy mount cannot block the rest.
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

/**
 * Start-up time of the UI to its first full frame with 200 configured
 * zones: from spawning the process to the table and the hint line on
 * screen.
 *
 *   node dist/bench/ui-startup.js [--memory|--real] [RUNS]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminContext } from '../src/admin/context.js';
import { createZone } from '../src/admin/create.js';
import { silentLogger } from '../src/core/logger.js';
import { resolvePaths } from '../src/core/paths.js';
import { availableMode, fullFrame, launchUi } from './helpers/launch.js';
import { ms, stats } from './helpers/pty-screen.js';

const ZONES = 200;
const mode = availableMode(
  process.argv.find((a) => a.startsWith('--'))?.slice(2),
);
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-startup-'));

try {
  if (mode === 'real') {
    const ctx = adminContext(resolvePaths({ root }), silentLogger);
    for (let i = 0; i < ZONES; i++) {
      await createZone(ctx, `zone${String(i).padStart(3, '0')}`, []);
    }
  }

  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const screen = launchUi({ mode, root, zones: ZONES, running: 0 });
    // Full means the table with every zone, not the frame before the
    // zone index has been read.
    const at = await screen.until(
      (s) => fullFrame(s) && s.includes(`zones: ${ZONES}`),
    );
    samples.push(at - start);
    screen.kill();
  }

  const s = stats(samples);
  console.log(
    `ui start-up to first full frame, ${ZONES} configured zones, ${mode}: ` +
      `median ${ms(s.median)}, p99 ${ms(s.p99)}, max ${ms(s.max)} (n=${s.n})`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

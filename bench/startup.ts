/**
 * Start-up cost of short CLI commands, as the wall time of whole processes.
 * Run: node dist/bench/startup.js [runs]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, summarize } from './stats.js';

const RUNS = Number(process.argv[2] ?? 30);
const ZONECTL = fileURLToPath(new URL('../../bin/zonectl', import.meta.url));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-bench-'));

function time(args: readonly string[]): number[] {
  const samples: number[] = [];

  for (let i = 0; i < RUNS + 1; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;

    if (result.status !== 0) {
      throw new Error(`${args.join(' ')} exited ${result.status}`);
    }
    // The first run warms the disk cache; it is not what operators see.
    if (i > 0) {
      samples.push(elapsed);
    }
  }

  return samples;
}

try {
  spawnSync(process.execPath, [ZONECTL, '--root', root, 'create', 'web']);
  for (let i = 0; i < 200; i++) {
    spawnSync(process.execPath, [ZONECTL, '--root', root, 'create', `z${i}`]);
  }

  const cases: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['zonectl --version', [ZONECTL, '--version']],
    ['zonectl list -cv (201 zones)', [ZONECTL, '--root', root, 'list', '-cv']],
    ['zonectl info web', [ZONECTL, '--root', root, 'info', 'web']],
    [
      'zonectl set web cpu-cap=1',
      [ZONECTL, '--root', root, 'set', 'web', 'cpu-cap=1'],
    ],
  ];

  console.log(`| command | runs | median | p95 |`);
  console.log(`| --- | --- | --- | --- |`);
  for (const [name, args] of cases) {
    const s = summarize(time(args));
    console.log(
      `| \`${name}\` | ${s.runs} | ${formatMs(s.median)} | ${formatMs(s.p95)} |`,
    );
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

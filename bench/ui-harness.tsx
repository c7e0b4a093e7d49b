/**
 * The UI on in-memory zones whose consoles are real shells in ptys: for
 * looking at the UI in a real terminal (tmux) and for the benchmarks that
 * measure the UI's own costs. Not a product entry point.
 *
 *   node dist/bench/ui-harness.js [ZONES] [RUNNING]
 */
import './helpers/production.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Messages } from '../src/core/i18n.js';
import { languageFromEnv } from '../src/core/language.js';
import { silentLogger } from '../src/core/logger.js';
import { resolvePaths } from '../src/core/paths.js';
import { startUi } from '../components/main.js';
import { memoryAdmin } from '../test/ui/helpers/memory-admin.js';
import { MemoryClient, zone } from '../test/ui/helpers/memory-client.js';

const count = Number(process.argv[2] ?? 6);
const running = Number(process.argv[3] ?? 2);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-ui-harness-'));
const zones = Array.from({ length: count }, (_, i) =>
  zone(`zone${String(i + 1).padStart(3, '0')}`, {
    state: i < running ? 'running' : i % 3 === 0 ? 'configured' : 'installed',
    bootedAt: i < running ? Date.now() - i * 3_700_000 : undefined,
    caps: i % 2 ? { memory: '256M', cpu: 0.5 } : {},
  }),
);
const client = new MemoryClient(zones);
// Loaded with the first console, as the real UI loads its emulator, so that
// start-up measured on the harness is not charged for node-pty.
client.console = async (_zone, options) => {
  const { PtyConsole } = await import('./helpers/pty-console.js');
  return new PtyConsole(options);
};

try {
  await startUi({
    paths: resolvePaths({ root }),
    client,
    admin: memoryAdmin(client),
    messages: new Messages(languageFromEnv()),
    logger: silentLogger,
  });
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

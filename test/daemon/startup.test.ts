import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { zonectl } from '../helpers/cli.js';
import { daemonPids, installZone, zoneRoot } from '../helpers/daemons.js';

const RECORDER = fileURLToPath(
  new URL('../../../test/fixtures/record-modules.mjs', import.meta.url),
);

test('the daemon serves a whole boot and halt without loading Ink or React', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  const dir = fs.mkdtempSync(path.join(root, 'modules-'));
  const env = {
    NODE_OPTIONS: `--import ${RECORDER}`,
    RECORD_MODULES_DIR: dir,
  };

  assert.equal(zonectl(root, ['boot', 'web'], { env }).code, 0);
  const [daemon] = daemonPids(root, 'web');
  assert.ok(daemon);
  assert.equal(zonectl(root, ['halt', 'web'], { env }).code, 0);

  const loaded = fs.readFileSync(path.join(dir, String(daemon)), 'utf8');
  const modules = loaded.split('\n').filter(Boolean);
  assert.ok(
    modules.some((m) => m.includes('/dist/src/daemon/zone-manager.js')),
  );
  assert.ok(modules.some((m) => m.includes('/dist/src/platform/')));
  const ui = modules.filter((m) =>
    /(^|[/@])(ink|react|react-reconciler|yoga-layout)([/.]|$)|\/components\//.test(
      m,
    ),
  );
  assert.deepEqual(ui, []);
});

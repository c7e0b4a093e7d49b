import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zonectl, zonectlAsync } from '../helpers/cli.js';
import { installZone, pathsOf, zoneRoot } from '../helpers/daemons.js';

test('callers asking in German and Japanese at once each get their language', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);

  const [de, ja, deBad, jaBad] = await Promise.all([
    zonectlAsync(root, ['--lang', 'de', 'boot', 'web']),
    zonectlAsync(root, ['--lang', 'ja', 'boot', 'web']),
    zonectlAsync(root, ['--lang', 'de', 'mount', 'web']),
    zonectlAsync(root, ['--lang', 'ja', 'mount', 'web']),
  ]);

  assert.equal(de?.code, 0);
  assert.equal(de?.stderr, 'zonectl: Zone web läuft bereits.\n');
  assert.equal(ja?.code, 0);
  assert.equal(ja?.stderr, 'zonectl: ゾーン web はすでに起動しています。\n');
  assert.equal(deBad?.code, 1);
  assert.equal(
    deBad?.stderr,
    'zonectl: „mount“ ist für Zone web im Zustand „läuft“ nicht möglich.\n',
  );
  assert.equal(jaBad?.code, 1);
  assert.equal(
    jaBad?.stderr,
    'zonectl: ゾーン web は「実行中」の状態のため、「mount」を実行できません。\n',
  );
});

test('a daemon that cannot start says why in the operator language, and zonectl fails', (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  // The lock's secret is unreadable as a file: the daemon cannot take
  // the zone's lock, and must say so to whoever started it.
  fs.mkdirSync(path.join(pathsOf(root).run, '.lock-key'), { recursive: true });

  const fr = zonectl(root, ['--lang', 'fr', 'boot', 'web']);
  const en = zonectl(root, ['boot', 'web']);

  assert.equal(fr.code, 1);
  assert.match(fr.stderr, /^zonectl: une erreur inattendue s’est produite/);
  assert.match(fr.stderr, /EISDIR/);
  assert.equal(en.code, 1);
  assert.match(en.stderr, /^zonectl: an unexpected error happened \(EISDIR/);
});

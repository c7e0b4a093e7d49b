import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { auditLogPath } from '../../src/protocol/paths.js';
import { zonectlAsync } from '../helpers/cli.js';
import {
  daemonPids,
  installZone,
  pathsOf,
  platform,
  specOf,
  zoneRoot,
} from '../helpers/daemons.js';

const RACERS = 20;

test('20 concurrent boots of one zone start one daemon, and every caller exits 0', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const results = await Promise.all(
    Array.from({ length: RACERS }, () => zonectlAsync(root, ['boot', 'web'])),
  );

  for (const result of results) {
    assert.equal(result.code, 0, result.stderr);
  }
  assert.equal(daemonPids(root, 'web').length, 1);
  const probe = await (await platform()).probe(await specOf(root, 'web'));
  assert.equal(probe.state, 'running');

  // One boot did it; the others found the zone where they wanted it.
  const audit = fs
    .readFileSync(auditLogPath(pathsOf(root)), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const results_ = audit.map((r) => `${r.command} ${r.result}`).sort();
  assert.deepEqual(results_, [
    ...Array(RACERS - 1).fill('boot already'),
    'boot ok',
  ]);
  assert.equal(
    results.filter((r) => /already booted/.test(r.stderr)).length,
    RACERS - 1,
  );
});

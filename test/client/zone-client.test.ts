import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createZoneClient } from '../../src/client/zone-client.js';
import { isZoneError } from '../../src/core/errors/zone-error.js';
import type { ZoneEvent, ZoneView } from '../../src/client/types.js';
import { zonectl } from '../helpers/cli.js';
import {
  daemonPids,
  installZone,
  pathsOf,
  waitFor,
  zoneRoot,
} from '../helpers/daemons.js';

function client(root: string) {
  return createZoneClient({ paths: pathsOf(root), language: 'en' });
}

test('list gives every zone its live state, and an ID once it is set up', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web', 'memory-cap=256M');
  installZone(root, 'db');
  zonectl(root, ['create', 'cache']);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  assert.equal(zonectl(root, ['ready', 'db']).code, 0);

  const zones = await client(root).list();

  const byName = Object.fromEntries(zones.map((z) => [z.name, z]));
  assert.deepEqual(
    zones.map((z) => [z.name, z.state]),
    [
      ['cache', 'configured'],
      ['db', 'ready'],
      ['web', 'running'],
    ],
  );
  assert.equal(typeof byName.web?.id, 'number');
  assert.equal(typeof byName.db?.id, 'number');
  assert.notEqual(byName.web?.id, byName.db?.id);
  assert.equal(byName.cache?.id, null);
  assert.deepEqual(byName.web?.caps, { memory: '256M' });
  assert.equal(typeof byName.web?.bootedAt, 'number');
});

test('zonectl list shows running zones by default and their IDs with -v', (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  installZone(root, 'db');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  assert.equal(zonectl(root, ['ready', 'db']).code, 0);

  const running = zonectl(root, ['list']);
  const wide = zonectl(root, ['list', '-iv']);

  assert.equal(running.stdout, 'web\n');
  const lines = wide.stdout.trim().split('\n');
  assert.match(lines[1] ?? '', /^\d+\s+db\s+ready\s+/);
  assert.match(lines[2] ?? '', /^\d+\s+web\s+running\s+/);
});

test('list starts no daemon for a zone that has none', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const zones = await client(root).list();

  assert.equal(zones[0]?.state, 'installed');
  assert.deepEqual(daemonPids(root), []);
});

test('watch pushes the whole list with each event, and again when the index changes', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  const seen: { zones: ZoneView[]; event?: ZoneEvent }[] = [];
  const stop = client(root).watch((zones, event) =>
    seen.push({ zones, event }),
  );
  t.after(stop);
  await waitFor(() => seen.length > 0, 'the first list');

  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  await waitFor(
    () => seen.some((s) => s.event?.event === 'booting'),
    'the booting event',
  );
  const booted = seen.find((s) => s.event?.event === 'booting');
  assert.equal(booted?.zones.find((z) => z.name === 'web')?.state, 'running');

  assert.equal(zonectl(root, ['create', 'db']).code, 0);
  await waitFor(
    () => seen.at(-1)?.zones.some((z) => z.name === 'db') ?? false,
    'the new zone',
  );
});

test('a request to a configured zone is refused without starting a daemon', async (t) => {
  const root = zoneRoot(t);
  zonectl(root, ['create', 'web']);

  await assert.rejects(
    client(root).request('web', 'boot', { locale: 'de' }),
    (error) =>
      isZoneError(error) &&
      error.code === 'invalidTransition' &&
      error.params.state !== undefined,
  );
  assert.deepEqual(daemonPids(root), []);

  const cli = zonectl(root, ['boot', 'web']);
  assert.equal(cli.code, 1);
  assert.equal(
    cli.stderr,
    'zonectl: cannot boot zone web while it is configured.\n',
  );
});

test('boot arguments are refused for verbs that take none', (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const result = zonectl(root, ['halt', 'web', '--', '-s']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /halt takes no boot arguments/);
  assert.deepEqual(daemonPids(root), []);
});

test('the console of a zone that is only configured is refused, naming its state', async (t) => {
  const root = zoneRoot(t);
  zonectl(root, ['create', 'web']);

  await assert.rejects(
    client(root).console('web', { locale: 'en' }),
    (error) =>
      isZoneError(error) &&
      error.code === 'notManageable' &&
      JSON.stringify(error.params.state).includes('configured'),
  );
  assert.deepEqual(daemonPids(root), []);
});

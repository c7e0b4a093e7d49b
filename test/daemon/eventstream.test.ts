import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { installZone, zoneRoot } from '../helpers/daemons.js';
import { RawDoor, request, subscribe } from '../helpers/door.js';

async function stream(root: string, message: object): Promise<RawDoor> {
  const door = await RawDoor.open(root, 'web');
  door.send(message);
  return door;
}

test('a subscriber gets a snapshot first, then each event as it happens', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  const door = await stream(root, subscribe());
  t.after(() => door.close());

  const snapshot = await door.next();
  assert.equal(snapshot.type, 'snapshot');
  assert.deepEqual(
    { ...(snapshot.zone as object), time: 0, daemonPid: 0, zoneId: 0 },
    { name: 'web', state: 'ready', time: 0, daemonPid: 0, zoneId: 0 },
  );

  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const booted = await door.next();
  const event = booted.event as Record<string, unknown>;
  assert.equal(booted.type, 'event');
  assert.deepEqual(
    [event.zone, event.event, event.from, event.to],
    ['web', 'booting', 'ready', 'running'],
  );
  assert.ok(Math.abs(Date.parse(String(event.time)) - Date.now()) < 60_000);
  assert.equal((event.by as { user: string }).user, 'root');
});

test('a subscriber that names a moment hears the events since, after the snapshot', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  const before = Date.now();
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);

  const door = await stream(root, { ...subscribe(), since: before });
  t.after(() => door.close());

  assert.equal((await door.next()).type, 'snapshot');
  const replayed = [await door.next(), await door.next()].map(
    (m) => (m.event as { event: string }).event,
  );
  assert.deepEqual(replayed, ['readied', 'booting']);
});

test('a subscribed connection refuses requests, and the stream goes on', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  const door = await stream(root, subscribe('fr'));
  t.after(() => door.close());
  await door.next();

  door.send(request('halt', 'fr'));
  const refused = await door.next();

  assert.equal(refused.code, 'notNow');
  assert.match((refused.messages as string[])[0] ?? '', /flux d’événements/);
  assert.equal(zonectl(root, ['halt', 'web']).code, 0);
  assert.equal(
    ((await door.next()).event as { event: string }).event,
    'halted',
  );
});

test('when the daemon goes away its subscribers are told so, in their language', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  const door = await stream(root, subscribe('ja'));
  t.after(() => door.close());
  await door.next();

  assert.equal(zonectl(root, ['halt', 'web']).code, 0);

  assert.equal((await door.next()).type, 'event');
  const end = await door.next();
  assert.equal(end.type, 'end');
  assert.equal(end.reason, 'goingAway');
  assert.equal(
    end.message,
    'ゾーンが停止したため、ゾーン web のデーモンは終了します。',
  );
  await door.closedByDaemon();
});

/**
 * The restart constraint: a daemon may die at any moment, even by SIGKILL,
 * and the zone does not notice; the next daemon reads the zone from the
 * host, with a warning, and acts on an upcall that nobody heard.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { auditLogPath, daemonLogPath } from '../../src/protocol/paths.js';
import { zonectl } from '../helpers/cli.js';
import {
  daemonPids,
  installZone,
  isAlive,
  pathsOf,
  platform,
  specOf,
  waitFor,
  waitGone,
  zoneRoot,
} from '../helpers/daemons.js';

function logLines(root: string): Record<string, unknown>[] {
  return fs
    .readFileSync(daemonLogPath(pathsOf(root), 'web'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

test('SIGKILL of the daemon leaves a running zone running; the next one recovers it', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const host = await platform();
  const spec = await specOf(root, 'web');
  const before = await host.probe(spec);
  const [first] = daemonPids(root, 'web');
  assert.ok(first && before.initPid);

  process.kill(first, 'SIGKILL');
  await waitGone(first);

  // Nothing of the zone noticed: same init, same boot.
  assert.ok(isAlive(before.initPid));
  const meanwhile = await host.probe(spec);
  assert.equal(meanwhile.state, 'running');
  assert.equal(meanwhile.generation, before.generation);

  // The dead daemon's door and lock do not stand in the next one's way.
  const again = zonectl(root, ['boot', 'web']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /already booted/);

  const [second] = daemonPids(root, 'web');
  assert.ok(second && second !== first);
  assert.equal((await host.probe(spec)).initPid, before.initPid);
  const warning = logLines(root).find(
    (l) => l.pid === second && l.level === 'warn',
  );
  assert.equal(warning?.message, 'recovered a zone whose daemon had died');
  assert.equal(warning?.state, 'running');

  // And it serves the zone fully: halt works.
  assert.equal(zonectl(root, ['halt', 'web']).code, 0);
  assert.equal((await host.probe(spec)).state, 'installed');
});

test('an upcall made while no daemon lived is acted on by the next daemon', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const host = await platform();
  const spec = await specOf(root, 'web');
  const { initPid, generation } = await host.probe(spec);
  const [daemon] = daemonPids(root, 'web');
  assert.ok(daemon && initPid);

  process.kill(daemon, 'SIGKILL');
  await waitGone(daemon);
  // The zone's init ends while nobody listens: that asks for a halt.
  process.kill(initPid, 'SIGKILL');
  await waitFor(
    async () =>
      (await host.probe(spec)).pendingUpcall?.generation === generation,
    'the upcall to be recorded',
  );

  // Any look at the zone starts a daemon, since the old one's door is
  // left; that daemon acts on the upcall.
  const list = zonectl(root, ['list', '-iv']);
  assert.equal(list.code, 0, list.stderr);

  // The daemon halts the zone, records it as the zone's doing, and, the
  // zone being installed, goes away.
  const file = auditLogPath(pathsOf(root));
  const audit = () =>
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  await waitFor(() => audit().length === 2, 'the upcall to be audited');
  assert.deepEqual(
    audit().map((r) => [r.command, r.result, r.who === 'zone' ? 'zone' : 'op']),
    [
      ['boot', 'ok', 'op'],
      ['halt', 'ok', 'zone'],
    ],
  );
  assert.equal((await host.probe(spec)).state, 'installed');
  await waitFor(() => daemonPids(root).length === 0, 'the daemon to leave');
});

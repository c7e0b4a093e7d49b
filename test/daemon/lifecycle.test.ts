/**
 * A daemon's life: started on demand with a handshake, its door, going away
 * once the zone is installed again, and what it writes down on the way.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDaemon } from '../../src/client/start-daemon.js';
import {
  auditLogPath,
  daemonLogPath,
  doorPath,
} from '../../src/protocol/paths.js';
import { ZONECTL, zonectl, zonectlAsync } from '../helpers/cli.js';
import {
  daemonPids,
  installZone,
  pathsOf,
  platform,
  specOf,
  waitFor,
  waitGone,
  zoneRoot,
} from '../helpers/daemons.js';
import { RawDoor, request, subscribe } from '../helpers/door.js';

const ZONEADMD = fileURLToPath(
  new URL('../../../bin/zoneadmd', import.meta.url),
);

function lines(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

test('zoneadmd run by hand prints a usage line saying it is not meant to be run that way', (t) => {
  const root = zoneRoot(t);

  const bare = spawnSync(
    process.execPath,
    [ZONEADMD, '-z', 'web', '-R', root],
    {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    },
  );
  const verb = zonectl(root, ['daemon', '-z', 'web']);
  const german = zonectl(root, ['--lang', 'de', 'daemon', '-z', 'web']);

  assert.equal(bare.status, 2);
  assert.match(bare.stderr, /^zoneadmd: Usage: zonectl daemon -z <zone>\./);
  assert.match(bare.stderr, /not meant to be run by hand/);
  assert.equal(verb.code, 2);
  assert.match(verb.stderr, /not meant to be run by hand/);
  assert.equal(german.code, 2);
  assert.match(german.stderr, /nicht zum Aufruf von Hand gedacht/);
  assert.deepEqual(daemonPids(root), []);
});

test('the door is a socket only its owner can reach, in a directory of mode 0700', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);

  const door = doorPath(pathsOf(root), 'web');
  assert.equal(fs.statSync(path.dirname(door)).mode & 0o777, 0o700);
  assert.ok(fs.statSync(door).isSocket());
  assert.equal(fs.statSync(door).mode & 0o777, 0o600);
});

test('the daemon goes away once its zone is installed; the next request starts one', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const [first] = daemonPids(root, 'web');
  assert.ok(first);

  assert.equal(zonectl(root, ['halt', 'web']).code, 0);
  await waitGone(first);
  assert.equal(fs.existsSync(doorPath(pathsOf(root), 'web')), false);

  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  const [second] = daemonPids(root, 'web');
  assert.ok(second && second !== first);
});

test('a client meeting a daemon that goes away retries against a fresh one', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  const started = await startDaemon({
    paths: pathsOf(root),
    zone: 'web',
    language: 'en',
    env: process.env,
  });
  const first = started.type === 'handshake' ? started.pid : 0;
  assert.ok(first);

  // A connection the daemon has accepted and reads from (a frame it
  // refuses proves it), without asking anything that would end it.
  const uninstaller = await RawDoor.open(root, 'web');
  t.after(() => uninstaller.close());
  uninstaller.send({ v: 1 });
  assert.equal((await uninstaller.next()).code, 'badMessage');

  // While the daemon is stopped, note_uninstalling is queued ahead of a
  // boot from zonectl; the daemon then turns the boot back as going away.
  process.kill(first, 'SIGSTOP');
  let boot: ReturnType<typeof zonectlAsync>;
  try {
    await uninstaller.sendFlushed(request('note_uninstalling'));
    boot = zonectlAsync(root, ['boot', 'web']);
    await waitForConnection(doorPath(pathsOf(root), 'web'));
  } finally {
    process.kill(first, 'SIGCONT');
  }

  assert.equal((await uninstaller.next()).ok, true);
  const result = await boot;
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, 'zonectl: zone web booted.\n');
  await waitGone(first);
  const [second] = daemonPids(root, 'web');
  assert.ok(second && second !== first);
  const probe = await (await platform()).probe(await specOf(root, 'web'));
  assert.equal(probe.state, 'running');

  const audit = lines(auditLogPath(pathsOf(root)));
  assert.deepEqual(
    audit.map((r) => [r.command, r.result]),
    [
      ['note_uninstalling', 'ok'],
      ['boot', 'refused'],
      ['boot', 'ok'],
    ],
  );
});

/** Resolves once a client waits in the door's queue of connections. */
async function waitForConnection(door: string): Promise<void> {
  // /proc/net/unix lists a connection not yet accepted in state 02, under
  // the address the door was bound to (its name before it was renamed).
  const waiting = () =>
    fs
      .readFileSync('/proc/net/unix', 'utf8')
      .split('\n')
      .some((line) => line.includes(` ${door}.`) && / 02 /.test(line));

  await waitFor(waiting, 'zonectl to connect to the door');
}

test('each transition request leaves an audit record: time, zone, command, who', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const child = spawn(process.execPath, [
    ZONECTL,
    '--root',
    root,
    'boot',
    'web',
  ]);
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.equal(zonectl(root, ['mount', 'web']).code, 1);

  const audit = lines(auditLogPath(pathsOf(root)));
  assert.equal(audit.length, 2);
  const [boot, mount] = audit;
  assert.ok(!Number.isNaN(Date.parse(String(boot?.time))));
  assert.deepEqual(
    { ...boot, time: undefined },
    {
      time: undefined,
      zone: 'web',
      command: 'boot',
      result: 'ok',
      from: 'installed',
      to: 'running',
      who: { uid: 0, pid: child.pid, user: 'root', verified: true },
    },
  );
  assert.equal(mount?.result, 'invalid');
  assert.equal(mount?.error, 'daemon:errors.invalidTransition');
  assert.equal(fs.statSync(auditLogPath(pathsOf(root))).mode & 0o777, 0o600);
});

test('a caller that lies about its pid is recorded as unverified', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);

  const door = await RawDoor.open(root, 'web');
  t.after(() => door.close());
  door.send(
    request('ready', 'en', { caller: { uid: 1234, pid: 1, user: 'mallory' } }),
  );
  await door.next();

  const last = lines(auditLogPath(pathsOf(root))).at(-1);
  assert.deepEqual(last?.who, {
    uid: 1234,
    pid: 1,
    user: 'mallory',
    verified: false,
  });
});

test('the daemon logs its lifecycle at info and each state change with a reason', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  const [daemon] = daemonPids(root, 'web');
  assert.equal(zonectl(root, ['halt', 'web']).code, 0);
  assert.ok(daemon);
  await waitGone(daemon);

  const log = lines(daemonLogPath(pathsOf(root), 'web'));
  const lifecycle = log.filter(
    (l) => l.level === 'info' && String(l.message).startsWith('daemon '),
  );
  assert.deepEqual(
    lifecycle.map((l) => [l.message, l.zone, l.pid]),
    [
      ['daemon ready', 'web', daemon],
      ['daemon going away', 'web', daemon],
    ],
  );
  const changes = log.filter((l) => l.message === 'zone state changed');
  assert.deepEqual(
    changes.map((l) => [l.from, l.to]),
    [
      ['installed', 'ready'],
      ['ready', 'running'],
      ['running', 'shutting_down'],
      ['shutting_down', 'installed'],
    ],
  );
  for (const change of changes) {
    assert.match(String(change.reason), /asked by root \(pid \d+\)/);
  }
});

test('uninstall tells the daemon first, which refuses while the zone is up', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);

  const refused = zonectl(root, ['uninstall', '--yes', 'web']);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /cannot uninstall zone web: it is in use \(ready\)/,
  );
  assert.equal(zonectl(root, ['halt', 'web']).code, 0);

  // A daemon serving the installed zone (started, not yet asked anything)
  // hears of the uninstall, tells its subscribers, and goes away.
  const started = await startDaemon({
    paths: pathsOf(root),
    zone: 'web',
    language: 'en',
    env: process.env,
  });
  assert.equal(started.type === 'handshake' && started.status, 'ready');
  const daemon = started.type === 'handshake' ? started.pid : 0;
  const stream = await RawDoor.open(root, 'web');
  t.after(() => stream.close());
  stream.send(subscribe());
  await stream.next();

  const result = zonectl(root, ['uninstall', '--yes', 'web']);
  assert.equal(result.code, 0, result.stderr);

  const event = await stream.next();
  assert.equal((event.event as { event: string }).event, 'uninstalling');
  assert.equal((await stream.next()).type, 'end');
  await waitGone(daemon);
  const info = JSON.parse(zonectl(root, ['info', 'web', '--json']).stdout);
  assert.equal(info.state, 'configured');
});

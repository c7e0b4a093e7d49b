import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { test, type TestContext } from 'node:test';
import { ZONECTL, zonectl } from '../helpers/cli.js';
import {
  installZone,
  waitFor,
  watching,
  zoneRoot,
} from '../helpers/daemons.js';

/** `zonectl events …` running in the background, its lines collected. */
function follow(t: TestContext, root: string, args: string[], lang = 'en') {
  const child = spawn(
    process.execPath,
    [ZONECTL, '--root', root, '--lang', lang, 'events', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: string[] = [];
  let err = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    out.push(...parts);
  });
  child.stderr
    .setEncoding('utf8')
    .on('data', (chunk: string) => (err += chunk));
  t.after(() => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  });

  return { child, out, stderr: () => err };
}

function ended(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('close', resolve));
}

test('zonectl events prints a line per event, following daemons that start later', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  const events = follow(t, root, []);
  // It watches the run directory and the zone's before any daemon exists.
  await watching(events.child.pid as number, 1);

  assert.equal(zonectl(root, ['boot', 'web']).code, 0);
  await waitFor(() => events.out.length >= 1, 'the booting line');
  assert.equal(zonectl(root, ['halt', 'web']).code, 0);
  await waitFor(() => events.out.length >= 2, 'the halted line');
  // A fresh daemon after the last one went away is followed too.
  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  await waitFor(() => events.out.length >= 3, 'the readied line');

  const time = '\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z';
  const by = 'asked by root \\(uid 0, pid \\d+\\)';
  assert.match(
    events.out[0] ?? '',
    new RegExp(`^${time}  web  booted: installed → running, ${by}$`),
  );
  assert.match(
    events.out[1] ?? '',
    new RegExp(`^${time}  web  halted: running → installed, ${by}$`),
  );
  assert.match(
    events.out[2] ?? '',
    new RegExp(`^${time}  web  readied: installed → ready, ${by}$`),
  );

  events.child.kill('SIGINT');
  assert.equal(await ended(events.child), 0);
  assert.equal(events.stderr(), '');
});

test('zonectl events --json prints JSON Lines for the named zones only', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');
  installZone(root, 'db');
  const events = follow(t, root, ['--json', 'db'], 'ja');
  await watching(events.child.pid as number, 1);

  assert.equal(zonectl(root, ['ready', 'web']).code, 0);
  assert.equal(zonectl(root, ['ready', 'db']).code, 0);
  await waitFor(() => events.out.length >= 1, 'the db event');

  const event = JSON.parse(events.out[0] ?? '{}');
  assert.deepEqual(
    { ...event, time: undefined, by: undefined },
    {
      zone: 'db',
      event: 'readied',
      from: 'installed',
      to: 'ready',
      time: undefined,
      by: undefined,
    },
  );
  assert.equal(event.by.user, 'root');
  assert.ok(!Number.isNaN(Date.parse(event.time)));
  assert.equal(events.out.length, 1, 'nothing about web');
});

test('zonectl events for an unknown zone fails at once', (t) => {
  const root = zoneRoot(t);

  const result = zonectl(root, ['events', 'ghost']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /there is no zone named ghost/);
});

test('zonectl wait returns when the zone gets there, at once if it is there', async (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const waiting = spawn(
    process.execPath,
    [ZONECTL, '--root', root, 'wait', 'web', 'running', '--timeout', '30'],
    { stdio: 'ignore' },
  );
  t.after(() => waiting.kill('SIGKILL'));
  // The zone index and the run directory are watched.
  await watching(waiting.pid as number, 2);
  assert.equal(zonectl(root, ['boot', 'web']).code, 0);

  assert.equal(await ended(waiting), 0);
  assert.equal(zonectl(root, ['wait', 'web', 'running']).code, 0);
  assert.equal(
    zonectl(root, ['wait', 'web', 'installed', '-t', '0.2']).code,
    1,
  );
});

test('zonectl wait gives up after its timeout, saying where the zone is', (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const result = zonectl(root, [
    '--lang',
    'de',
    'wait',
    'web',
    'running',
    '--timeout',
    '0.3',
  ]);

  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    'zonectl: Zone web hat den Zustand „läuft“ nicht innerhalb von 0.3 ' +
      'Sekunden erreicht; sie ist im Zustand „installiert“.\n',
  );
});

test('zonectl wait refuses a state that does not exist and a timeout that is not one', (t) => {
  const root = zoneRoot(t);
  installZone(root, 'web');

  const state = zonectl(root, ['wait', 'web', 'asleep']);
  const timeout = zonectl(root, ['wait', 'web', 'running', '-t', 'soon']);

  assert.equal(state.code, 2);
  assert.match(
    state.stderr,
    /"asleep" is not a zone state\. The states are: configured, /,
  );
  assert.equal(timeout.code, 2);
  assert.match(timeout.stderr, /"soon" is not a timeout/);
});

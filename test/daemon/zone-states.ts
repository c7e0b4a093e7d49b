/**
 * Puts a real zone, with its real daemon, into each state of the table, so
 * that a request can be made in that state. The two teardown states exist
 * only between a cause and the daemon's reaction to it, so the daemon is
 * stopped (SIGSTOP) while the request is sent and the cause happens; when it
 * continues it reads the request first, finds the zone in that state, and
 * only then hears of the cause.
 */
import assert from 'node:assert/strict';
import { startDaemon } from '../../src/client/start-daemon.js';
import { ZoneIndex } from '../../src/config/zone-index.js';
import type { ZoneState } from '../../src/core/states.js';
import { zonectl } from '../helpers/cli.js';
import {
  daemonPids,
  pathsOf,
  platform,
  specOf,
  waitFor,
} from '../helpers/daemons.js';
import { RawDoor, status } from '../helpers/door.js';

/** A connection the daemon has already accepted and read from. */
export async function acceptedDoor(
  root: string,
  zone: string,
): Promise<RawDoor> {
  const door = await RawDoor.open(root, zone);
  door.send(status());
  assert.equal((await door.next()).type, 'snapshot');

  return door;
}

function run(root: string, ...args: string[]): void {
  const result = zonectl(root, args);
  assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
}

/** Sends one message to the zone's daemon; the reply comes on the door. */
export type Ask = (message: unknown) => Promise<RawDoor>;

/**
 * Brings zone `zone` (installed, no daemon) to `state`, with a daemon
 * serving it, and returns how to ask it something in that state.
 */
export async function prepare(
  root: string,
  zone: string,
  state: ZoneState,
): Promise<Ask> {
  switch (state) {
    case 'configured':
    case 'incomplete':
      // A daemon keeps serving while someone else edits the index (an
      // install or uninstall started elsewhere): it must follow the index.
      run(root, 'ready', zone);
      await new ZoneIndex(pathsOf(root)).update((data) => {
        (data.zones[zone] as { state: ZoneState }).state = state;
      });
      return plainly(root, zone);
    case 'installed':
      await startDaemonFor(root, zone);
      return plainly(root, zone);
    case 'ready':
      run(root, 'ready', zone);
      return plainly(root, zone);
    case 'mounted':
      run(root, 'mount', zone);
      return plainly(root, zone);
    case 'running':
      run(root, 'boot', zone);
      return plainly(root, zone);
    case 'shutting_down':
      run(root, 'boot', zone);
      return (message) => whileStopped(root, zone, message, endInit);
    case 'down':
      run(root, 'boot', zone);
      return (message) => whileStopped(root, zone, message, killHolder);
  }
}

function plainly(root: string, zone: string): Ask {
  return async (message) => {
    const door = await RawDoor.open(root, zone);
    door.send(message);
    return door;
  };
}

/** Starts the zone's daemon the way zonectl does, with its handshake. */
async function startDaemonFor(root: string, zone: string): Promise<void> {
  const started = await startDaemon({
    paths: pathsOf(root),
    zone,
    language: 'en',
    env: process.env,
  });

  assert.equal(started.type === 'handshake' && started.status, 'ready');
}

async function whileStopped(
  root: string,
  zone: string,
  message: unknown,
  cause: (root: string, zone: string) => Promise<void>,
): Promise<RawDoor> {
  const door = await acceptedDoor(root, zone);
  const [daemon] = daemonPids(root, zone);
  assert.ok(daemon, 'the zone has a daemon');

  process.kill(daemon, 'SIGSTOP');
  try {
    await door.sendFlushed(message);
    await cause(root, zone);
  } finally {
    process.kill(daemon, 'SIGCONT');
  }

  return door;
}

/** The zone's init is killed from the host: a halt upcall waits. */
async function endInit(root: string, zone: string): Promise<void> {
  const host = await platform();
  const spec = await specOf(root, zone);
  const { initPid, generation } = await host.probe(spec);
  assert.ok(initPid, 'the running zone has an init');

  process.kill(initPid, 'SIGKILL');
  await waitFor(
    async () =>
      (await host.probe(spec)).pendingUpcall?.generation === generation,
    'the halt upcall to be pending',
  );
}

/** The zone's holder dies: what it held is left behind. */
async function killHolder(root: string, zone: string): Promise<void> {
  const host = await platform();
  const spec = await specOf(root, zone);
  const { holderPid } = await host.probe(spec);
  assert.ok(holderPid, 'the running zone has a holder');

  process.kill(holderPid, 'SIGKILL');
  await waitFor(
    async () => (await host.probe(spec)).state === 'dead',
    'the holder to be dead',
  );
}

/**
 * The transition table of DESIGN.md, one test per cell: 8 states × 7
 * commands, each on a real zone with a real daemon on the real platform,
 * over the real door. The expectations are written out here from the
 * design, not taken from the daemon's own table.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ZONE_STATES, type ZoneState } from '../../src/core/states.js';
import {
  DOOR_COMMANDS,
  type DoorCommand,
  type ZoneEvent,
  type ZoneEventName,
} from '../../src/protocol/commands.js';
import {
  daemonPids,
  installZone,
  platform,
  specOf,
  waitFor,
  waitGone,
  zoneRoot,
} from '../helpers/daemons.js';
import { RawDoor, request, subscribe } from '../helpers/door.js';
import { prepare } from './zone-states.js';

type Cell =
  | { kind: 'invalid' }
  | { kind: 'already'; says: RegExp }
  | { kind: 'goes'; to: ZoneState; event: ZoneEventName }
  | { kind: 'uninstalling' };

const invalid: Cell = { kind: 'invalid' };
const already = (says: RegExp): Cell => ({ kind: 'already', says });
const goes = (to: ZoneState, event: ZoneEventName): Cell => ({
  kind: 'goes',
  to,
  event,
});

function row(cells: Partial<Record<DoorCommand, Cell>>) {
  return Object.fromEntries(
    DOOR_COMMANDS.map((command) => [command, cells[command] ?? invalid]),
  ) as Record<DoorCommand, Cell>;
}

const booted = row({
  ready: goes('ready', 'readied'),
  boot: already(/^zone web is already booted\.$/),
  reboot: goes('running', 'rebooting'),
  halt: goes('installed', 'halted'),
});

const DESIGN: Record<ZoneState, Record<DoorCommand, Cell>> = {
  configured: row({}),
  incomplete: row({}),
  installed: row({
    ready: goes('ready', 'readied'),
    boot: goes('running', 'booting'),
    halt: already(/^zone web is already halted\.$/),
    note_uninstalling: { kind: 'uninstalling' },
    mount: goes('mounted', 'readied'),
    unmount: already(/^zone web is already unmounted\.$/),
  }),
  ready: row({
    ready: already(/^zone web is already ready\.$/),
    boot: goes('running', 'booting'),
    halt: goes('installed', 'halted'),
  }),
  mounted: row({ unmount: goes('installed', 'halted') }),
  running: booted,
  shutting_down: booted,
  down: booted,
};

// The platform's view for each state a transition can end in.
const ON_HOST: Partial<Record<ZoneState, string>> = {
  installed: 'installed',
  ready: 'ready',
  running: 'running',
  mounted: 'mounted',
};

// What the daemon says, in English, when it carried a command out.
const DONE: Partial<Record<DoorCommand, string>> = {
  ready: 'zone web is ready.',
  boot: 'zone web booted.',
  reboot: 'zone web rebooted.',
  halt: 'zone web halted.',
  mount: 'zone web is mounted for administration.',
  unmount: 'zone web is unmounted.',
};

// English state names as the messages show them.
const SHOWN: Record<ZoneState, string> = {
  configured: 'configured',
  incomplete: 'incomplete',
  installed: 'installed',
  ready: 'ready',
  mounted: 'mounted',
  running: 'running',
  shutting_down: 'shutting down',
  down: 'down',
};

function describeCell(cell: Cell): string {
  switch (cell.kind) {
    case 'invalid':
      return 'is refused, naming the command and the state';
    case 'already':
      return 'succeeds, saying the zone is already there';
    case 'goes':
      return `takes the zone to ${cell.to} and publishes ${cell.event}`;
    case 'uninstalling':
      return 'publishes uninstalling and the daemon goes away';
  }
}

/** Collects the zone's events on a subscription opened before the ask. */
async function listen(root: string): Promise<ZoneEvent[]> {
  const events: ZoneEvent[] = [];
  const stream = await RawDoor.open(root, 'web');
  stream.send(subscribe());
  assert.equal((await stream.next()).type, 'snapshot');

  void (async () => {
    for (;;) {
      const message = await stream.next().catch(() => undefined);
      if (!message) {
        stream.close();
        return;
      }
      if (message.type === 'event') {
        events.push(message.event as ZoneEvent);
      }
    }
  })();

  return events;
}

for (const state of ZONE_STATES) {
  for (const command of DOOR_COMMANDS) {
    const cell = DESIGN[state][command];

    test(`${command} of a zone that is ${state} ${describeCell(cell)}`, async (t) => {
      const root = zoneRoot(t);
      installZone(root, 'web');
      const host = await platform();
      const spec = await specOf(root, 'web');

      const ask = await prepare(root, 'web', state);
      const before = await host.probe(spec);
      const events = await listen(root);
      const daemon = daemonPids(root, 'web')[0];
      const door = await ask(request(command));
      t.after(() => door.close());
      const reply = await door.next();

      assert.equal(reply.type, 'reply');
      switch (cell.kind) {
        case 'invalid':
          assert.equal(reply.ok, false);
          assert.equal(reply.exit, 1);
          assert.equal(reply.code, 'invalid');
          assert.deepEqual(reply.messages, [
            `cannot ${command} zone web while it is ${SHOWN[state]}.`,
          ]);
          assert.equal(reply.state, state);
          return;
        case 'already':
          assert.equal(reply.ok, true);
          assert.equal(reply.exit, 0);
          assert.match((reply.messages as string[])[0] ?? '', cell.says);
          assert.equal(reply.state, state);
          return;
        case 'uninstalling':
          assert.equal(reply.ok, true);
          await published(events, 'uninstalling', 'installed', 'installed');
          assert.ok(daemon, 'a daemon served the request');
          await waitGone(daemon);
          return;
        case 'goes':
          break;
      }

      assert.equal(reply.ok, true, JSON.stringify(reply.messages));
      assert.deepEqual(reply.messages, [DONE[command]]);
      assert.equal(reply.state, cell.to);
      await published(events, cell.event, state, cell.to);
      const after = await host.probe(spec);
      assert.equal(after.state, ON_HOST[cell.to]);
      if (command === 'reboot') {
        assert.notEqual(after.generation, before.generation);
      }
    });
  }
}

async function published(
  events: ZoneEvent[],
  event: ZoneEventName,
  from: ZoneState,
  to: ZoneState,
): Promise<void> {
  await waitFor(() => events.length > 0, `the ${event} event`);
  assert.deepEqual(
    events.map((e) => [e.zone, e.event, e.from, e.to]),
    [['web', event, from, to]],
  );
  assert.deepEqual(events[0]?.by, {
    uid: 0,
    pid: process.pid,
    user: 'root',
  });
}

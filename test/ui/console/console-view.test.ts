import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConsolePool } from '../../../components/console/console-pool.js';
import { silentLogger } from '../../../src/core/logger.js';
import { MemoryClient, zone } from '../helpers/memory-client.js';

function pool() {
  const client = new MemoryClient([zone('web'), zone('db')]);
  const events: string[] = [];
  const consoles = new ConsolePool(
    client,
    {
      notice: (z, text) => events.push(`${z} ${text}`),
      closed: (z, reason) => events.push(`${z} closed ${reason}`),
    },
    silentLogger,
  );

  return { client, consoles, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

test("a console keeps the zone's screen and draws frames from it", async (t) => {
  const { client, consoles } = pool();
  t.after(() => consoles.closeAll());
  const view = await consoles.open('web', { cols: 20, rows: 4 }, 'en');
  let frames = 0;
  view.subscribe(() => frames++);

  client.consoles[0]?.emit('hello\r\nworld');
  await settle();

  const lines = view.screen(false).map((l) => l.map((r) => r.text).join(''));
  assert.deepEqual(
    lines.map((l) => l.trimEnd()),
    ['hello', 'world', '', ''],
  );
  assert.equal(frames, 1, 'one frame for the burst');
});

test('resizing the console resizes the zone session with it', async (t) => {
  const { client, consoles } = pool();
  t.after(() => consoles.closeAll());
  const view = await consoles.open('web', { cols: 20, rows: 4 }, 'en');

  view.resize(30, 6);
  view.resize(30, 6);

  assert.deepEqual(client.consoles[0]?.sizes, [[30, 6]]);
  assert.deepEqual([view.term.cols, view.term.rows], [30, 6]);
});

test('opening an attached console again reuses it', async (t) => {
  const { client, consoles } = pool();
  t.after(() => consoles.closeAll());

  const first = await consoles.open('web', { cols: 20, rows: 4 }, 'en');
  const again = await consoles.open('web', { cols: 20, rows: 4 }, 'en');
  const both = await Promise.all([
    consoles.open('db', { cols: 20, rows: 4 }, 'en'),
    consoles.open('db', { cols: 20, rows: 4 }, 'en'),
  ]);

  assert.equal(first, again);
  assert.equal(both[0], both[1], 'two racing opens attach once');
  assert.equal(client.consoles.length, 2);
  assert.deepEqual(consoles.attached(), ['db', 'web']);
});

test('a new language attaches every console again with it, from a blank screen', async (t) => {
  const { client, consoles } = pool();
  t.after(() => consoles.closeAll());
  const view = await consoles.open('web', { cols: 20, rows: 2 }, 'en');
  client.consoles[0]?.emit('old screen');
  await settle();

  await consoles.relocale('ja');
  client.consoles[0]?.emit(' late bytes from the old session');
  client.consoles[1]?.emit('replayed screen');
  await settle();

  assert.equal(client.consoles[0]?.closed, true);
  assert.equal(client.consoles[1]?.options.locale, 'ja');
  assert.equal(
    view
      .screen(false)[0]
      ?.map((r) => r.text)
      .join('')
      .trimEnd(),
    'replayed screen',
  );
});

test('notices and the end of a console are reported, and a closed one reattaches', async (t) => {
  const { client, consoles, events } = pool();
  t.after(() => consoles.closeAll());
  const view = await consoles.open('web', { cols: 20, rows: 2 }, 'en');

  client.consoles[0]?.notice('[booting]');
  client.consoles[0]?.end('halted');
  assert.deepEqual(events, ['web [booting]', 'web closed halted']);
  assert.equal(view.status, 'closed');

  const again = await consoles.open('web', { cols: 20, rows: 2 }, 'en');
  assert.equal(again, view, 'the same screen, attached afresh');
  assert.equal(again.status, 'attached');
  assert.equal(client.consoles.length, 2);
});

test('detaching closes the session', async () => {
  const { client, consoles } = pool();
  await consoles.open('web', { cols: 20, rows: 2 }, 'en');

  consoles.detach('web');

  assert.equal(client.consoles[0]?.closed, true);
  assert.deepEqual(consoles.attached(), []);
});

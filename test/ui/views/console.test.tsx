import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zone } from '../helpers/memory-client.js';
import { KEY, renderUi, sgr } from '../helpers/render-ui.js';

const ZONES = [
  zone('web', { state: 'running' }),
  zone('db', { state: 'running' }),
];

async function docked(t: Parameters<typeof renderUi>[0]) {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press(KEY.down, KEY.enter);
  await ui.until((s) => s.includes('console web · keys go to the zone'));

  const session = ui.client.consoles.at(-1);
  assert.ok(session);

  return { ui, session };
}

test('Enter docks the selected zone console below the table, sized to its pane', async (t) => {
  const { ui, session } = await docked(t);

  assert.equal(session.zone, 'web');
  assert.equal(session.options.locale, 'en');
  // 100 columns; 23 lines less title, table (1 + 6), pane title, message, hints.
  assert.deepEqual([session.options.cols, session.options.rows], [100, 12]);
  assert.match(ui.frame(), /Console of web docked/);
});

test('what the zone prints shows in the pane, with its colours', async (t) => {
  const { ui, session } = await docked(t);

  session.emit('login: \u001B[1;31mALERT\u001B[0m 日本語 ok\r\n# ');

  await ui.until((s) => s.includes('login: ALERT 日本語 ok'));
  assert.ok(ui.raw().includes(sgr('1', sgr('31', 'ALERT'))), 'bold red');
  assert.ok(ui.raw().includes(`# ${sgr('7', ' ')}`), 'the cursor, inverse');
});

test('keys go to the zone unchanged while the console has the keyboard', async (t) => {
  const { ui, session } = await docked(t);

  await ui.press('echo $((6*7))\r', '\u001B[A', '\u001Bx', KEY.ctrlC, 'q', 'j');

  assert.deepEqual(session.written, [
    'echo $((6*7))\r',
    '\u001B[A',
    '\u001Bx',
    '\u0003',
    'q',
    'j',
  ]);
  assert.equal(ui.host.quits, 0, 'q went to the zone, not to the UI');
  assert.match(ui.frame(), /> web/, 'j did not move the selection');
});

test('Ctrl-] gives the keyboard back to the table; Tab gives it back', async (t) => {
  const { ui, session } = await docked(t);

  await ui.press(KEY.detach);
  await ui.until((s) => s.includes('Tab gives it the keyboard'));
  await ui.press('k');
  await ui.until((s) => s.includes('> db'));
  assert.deepEqual(
    session.written,
    [],
    'neither Ctrl-] nor k reached the zone',
  );

  await ui.press(KEY.tab);
  await ui.until((s) => s.includes('keys go to the zone'));
  await ui.press('ls\r');
  assert.deepEqual(session.written, ['ls\r']);
});

test('the detach key can be changed in the preferences', async (t) => {
  const ui = renderUi(t, { zones: ZONES, prefs: { detachKey: 'ctrl-x' } });
  await ui.until((s) => s.includes('> db'));

  await ui.press(KEY.enter);
  await ui.until((s) => s.includes('Ctrl-X returns'));
  await ui.press(KEY.detach, '\u0018');

  await ui.until((s) => s.includes('Tab gives it the keyboard'));
  assert.deepEqual(ui.client.consoles[0]?.written, ['\u001D']);
});

test('a detach key a shell needs is refused, and the default applies', async (t) => {
  const ui = renderUi(t, { zones: ZONES, prefs: { detachKey: 'ctrl-c' } });

  await ui.until((s) => s.includes('"ctrl-c" cannot leave a console'));
  assert.equal(ui.controller.detachKey, 'ctrl-]');
});

test('several consoles stay attached, and switching shows each screen at once', async (t) => {
  const { ui, session: web } = await docked(t);
  web.emit('web screen\r\n');
  await ui.until((s) => s.includes('web screen'));

  await ui.press(KEY.detach, 'k', KEY.enter);
  await ui.until((s) => s.includes('console db · keys go to the zone'));
  const db = ui.client.consoles.at(-1);
  db?.emit('db screen\r\n');
  await ui.until((s) => s.includes('db screen'));

  // Output for a hidden console is kept, and shown the moment it is docked.
  web.emit('while hidden\r\n');
  await ui.press(KEY.detach, 'j', KEY.enter);
  await ui.until((s) => s.includes('console web'));
  assert.match(ui.frame(), /web screen[\s\S]*while hidden/);
  assert.equal(ui.client.consoles.length, 2, 'web was not attached twice');
  assert.equal(web.closed, false);
  assert.match(ui.frame(), /consoles: db, web/);
});

test('s puts the console beside the table and resizes the zone console with it', async (t) => {
  const { ui, session } = await docked(t);

  await ui.press(KEY.detach, 's');

  await ui.until((s) => s.includes('│'));
  const [cols, rows] = session.sizes.at(-1) ?? [];
  // The whole body less the pane's title line.
  assert.equal(rows, 19);
  assert.ok(cols !== undefined && cols < 100 && cols > 40, `cols ${cols}`);
  assert.deepEqual(ui.prefs.saved.at(-1), { orientation: 'beside' });
});

test('Esc hides the pane but keeps the console attached; d detaches it', async (t) => {
  const { ui, session } = await docked(t);

  await ui.press(KEY.detach, KEY.escape);
  await ui.until((s) => !s.includes('console web'));
  assert.equal(session.closed, false);
  assert.match(ui.frame(), /consoles: web/);

  await ui.press('d');
  await ui.until((s) => s.includes('Console of web detached.'));
  assert.equal(session.closed, true);
});

test('a notice from the console shows in the message line', async (t) => {
  const { ui, session } = await docked(t);

  session.notice('[zone web halted]');

  await ui.until((s) => s.includes('web: [zone web halted]'));
});

test('a console that closes gives the keyboard back and says why', async (t) => {
  const { ui, session } = await docked(t);

  session.end('the zone was uninstalled');

  await ui.until((s) =>
    s.includes('The console of web closed: the zone was uninstalled'),
  );
  await ui.until((s) => s.includes('console web · closed'));
  await ui.press('k');
  await ui.until((s) => s.includes('> db'), 'the table has the keyboard');
});

test('a console that cannot be attached says why and docks nothing', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  ui.client.consoleError = new Error('no console socket');
  await ui.until((s) => s.includes('> db'));

  await ui.press(KEY.enter);

  await ui.until((s) =>
    s.includes(
      'The console of zone db could not be attached (no console socket)',
    ),
  );
  assert.doesNotMatch(ui.frame(), /console db/);
});

test('f hands the console to the full screen, and comes back', async (t) => {
  const { ui } = await docked(t);

  await ui.press(KEY.detach, 'f');

  await ui.until((s) =>
    s.includes('Back from the full-screen console of web.'),
  );
  assert.equal(ui.host.fullscreens[0]?.zone, 'web');
});

test('a flood of output pauses the zone console until the screen has caught up', async (t) => {
  const { ui, session } = await docked(t);
  const line = `${'y'.repeat(99)}\n`;
  let paused = false;

  // Much more than the high watermark, delivered faster than it is parsed.
  for (let i = 0; i < 4000; i++) {
    session.emit(line);
    paused ||= session.paused;
  }

  assert.ok(paused, 'the console was paused');
  await ui.until(() => !session.paused, 'the console resumed');

  await ui.press('q');
  assert.deepEqual(
    session.written.at(-1),
    'q',
    'the keyboard still reaches the zone',
  );
});

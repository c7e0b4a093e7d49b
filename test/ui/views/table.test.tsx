import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zone } from '../helpers/memory-client.js';
import { KEY, renderUi, sgr } from '../helpers/render-ui.js';

const ZONES = [
  zone('web', {
    state: 'running',
    bootedAt: Date.now() - 3 * 3_600_000,
    caps: { memory: '256M', cpu: 0.5 },
  }),
  zone('db', { state: 'installed', hostname: 'db.example' }),
  zone('build', { state: 'configured' }),
  zone('broken', { state: 'incomplete' }),
];

test('the table lists every zone with its state, brand, uptime, host name and caps', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'), 'the zones');

  const screen = ui.frame();
  for (const header of [
    'NAME',
    'STATE',
    'BRAND',
    'UPTIME',
    'HOSTNAME',
    'CAPS',
  ]) {
    assert.match(screen, new RegExp(header));
  }
  assert.match(
    screen,
    /web\s+running\s+sparse\s+3h00m\s+web\s+mem 256M cpu 0\.5/,
  );
  assert.match(screen, /db\s+installed\s+sparse\s+-\s+db\.example/);
  assert.match(screen, /build\s+configured/);
});

test('states have stable colours: running green, failed red, at rest dim', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  const raw = ui.raw();
  assert.ok(raw.includes(sgr('32', 'running')), 'running is green');
  assert.ok(raw.includes(sgr('31', 'incomplete')), 'incomplete is red');
  assert.ok(raw.includes(sgr('2', 'installed')), 'installed is dim');
  assert.ok(raw.includes(sgr('2', 'configured')), 'configured is dim');
});

test('a zone changed by someone else changes its row, pushed by the client', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => /db\s+installed/.test(s));

  ui.client.put(zone('db', { state: 'running', bootedAt: Date.now() }));

  await ui.until((s) => /db\s+running\s+sparse\s+0m/.test(s), 'db running');
  assert.equal(ui.client.requests.length, 0, 'the UI asked nothing itself');
});

test('a zone configured elsewhere appears, and a deleted one goes', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  ui.client.put(zone('newcomer', { state: 'configured' }));
  ui.client.drop('build');

  await ui.until((s) => s.includes('newcomer') && !s.includes('build'));
});

test('j, k and the arrows move the selection, which stays within the table', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> broken'), 'the first row selected');

  await ui.press('j');
  await ui.until((s) => s.includes('> build'));
  await ui.press(KEY.down, KEY.down);
  await ui.until((s) => s.includes('> web'));
  await ui.press('j');
  await ui.until((s) => s.includes('> web'), 'the selection kept at the end');
  await ui.press('k', KEY.up);
  await ui.until((s) => s.includes('> build'));
});

test('the last selected zone is selected again at start', async (t) => {
  const ui = renderUi(t, { zones: ZONES, prefs: { lastZone: 'db' } });

  await ui.until((s) => s.includes('> db'));
});

test('/ filters the table as the operator types, and Esc clears the filter', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  await ui.press('/', 'w', 'e');
  await ui.until((s) => s.includes('Filter: we'));
  assert.ok(ui.frame().includes('web'));
  assert.ok(!ui.frame().includes('build'));

  await ui.press(KEY.enter);
  await ui.until(
    (s) => s.includes('filter: we'),
    'the filter kept in the title',
  );

  await ui.press(KEY.escape);
  await ui.until((s) => s.includes('build'), 'every zone again');
});

test('a filter that matches nothing says so', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  await ui.press('/', 'z', 'z');
  await ui.until((s) => s.includes('No zone matches "zz"'));
});

test('the screen is one line shorter than the terminal, and no line is wider', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  const lines = ui.frame().split('\n');
  assert.equal(lines.length, 23, 'a 24-line terminal gets 23 lines');
  for (const line of lines) {
    assert.ok(line.length <= 100, `too wide: ${line}`);
  }
});

test('the bottom line shows the main keys', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('web'));

  const last = ui.frame().split('\n').at(-1) ?? '';
  for (const hint of [
    'b boot',
    'h halt',
    'Enter console',
    '? help',
    'q quit',
  ]) {
    assert.ok(last.includes(hint), `missing ${hint} in ${last}`);
  }
});

test('until the zones are read, the table says so, and b says to wait', async (t) => {
  let release = () => {};
  const listGate = new Promise<void>((resolve) => (release = resolve));
  const ui = renderUi(t, { zones: ZONES, listGate });
  await ui.until((s) => s.includes('Reading the zones…'), 'the loading line');

  await ui.press('b');

  await ui.until((s) => s.includes('still being read'), 'the wait note');
  assert.doesNotMatch(ui.frame(), /No zone is selected/);
  assert.equal(ui.client.requests.length, 0);

  release();
  await ui.until((s) => /web\s+running/.test(s) && !s.includes('Reading'));
});

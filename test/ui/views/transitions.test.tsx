import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Reply } from '../../../src/client/types.js';
import { zone } from '../helpers/memory-client.js';
import { KEY, renderUi, sgr } from '../helpers/render-ui.js';

const installed = [zone('web', { state: 'installed' })];
const running = [zone('web', { state: 'running', bootedAt: Date.now() })];

test('b boots the selected zone and shows the daemon message', async (t) => {
  const ui = renderUi(t, { zones: installed });
  await ui.until((s) => s.includes('> web'));

  await ui.press('b');

  await ui.until((s) => s.includes('web: [en] boot web: ok'), 'the reply');
  await ui.until((s) => /web\s+running/.test(s), 'the row running');
  assert.deepEqual(
    ui.client.requests.map((r) => [r.zone, r.command, r.options.locale]),
    [['web', 'boot', 'en']],
  );
});

test('while a transition runs, its row says so', async (t) => {
  const ui = renderUi(t, { zones: installed });
  let finish: (reply: Reply) => void = () => {};
  ui.client.answer = () => new Promise((resolve) => (finish = resolve));
  await ui.until((s) => s.includes('> web'));

  await ui.press('b');
  await ui.until((s) => /web\s+booting…/.test(s), 'booting… on the row');
  assert.ok(ui.raw().includes(sgr('33', 'booting…')), 'in yellow');

  finish({ ok: true, exit: 0, messages: ['zone web booted'] });
  await ui.until((s) => s.includes('web: zone web booted'));
  assert.doesNotMatch(ui.frame(), /booting…/);
});

test('a second transition on a busy zone is refused with a message', async (t) => {
  const ui = renderUi(t, { zones: installed });
  ui.client.answer = () => new Promise(() => {});
  await ui.until((s) => s.includes('> web'));

  await ui.press('b');
  await ui.until((s) => s.includes('booting…'));
  await ui.press('R');

  await ui.until((s) => s.includes('Zone web is busy with another operation'));
  assert.equal(ui.client.requests.length, 1);
});

test('a failed reply is shown in red, never silently', async (t) => {
  const ui = renderUi(t, { zones: installed });
  ui.client.answer = () => ({
    ok: false,
    exit: 1,
    messages: ['cannot boot zone web: its init is missing'],
  });
  await ui.until((s) => s.includes('> web'));

  await ui.press('b');

  await ui.until((s) => s.includes('its init is missing'));
  assert.ok(ui.raw().includes(sgr('31', 'web: cannot boot zone web')), 'red');
});

test('a failure with no message still says that it failed', async (t) => {
  const ui = renderUi(t, { zones: installed });
  ui.client.answer = () => ({ ok: false, exit: 1, messages: [] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('m');

  await ui.until((s) => s.includes('mount of web failed (exit status 1).'));
});

test('a request that cannot reach the daemon shows why', async (t) => {
  const ui = renderUi(t, { zones: installed });
  ui.client.answer = () => Promise.reject(new Error('connect ECONNREFUSED'));
  await ui.until((s) => s.includes('> web'));

  await ui.press('b');

  await ui.until((s) => s.includes('connect ECONNREFUSED'));
});

for (const [key, command, question] of [
  ['h', 'halt', 'Halt zone web?'],
  ['r', 'reboot', 'Reboot zone web?'],
  ['R', 'ready', 'Ready zone web?'],
] as const) {
  test(`${command} of a running zone asks y/N first, and y goes ahead`, async (t) => {
    const ui = renderUi(t, { zones: running });
    await ui.until((s) => s.includes('> web'));

    await ui.press(key);
    await ui.until((s) => s.includes(question) && s.includes('[y/N]'));
    assert.equal(ui.client.requests.length, 0, 'nothing before the answer');

    await ui.press('y');
    await ui.until(() => ui.client.requests.length === 1);
    assert.equal(ui.client.requests[0]?.command, command);
  });
}

for (const [answer, label] of [
  [KEY.enter, 'Enter'],
  ['n', 'n'],
  ['x', 'any other key'],
  [KEY.escape, 'Esc'],
] as const) {
  test(`No is the default: ${label} cancels a halt and changes nothing`, async (t) => {
    const ui = renderUi(t, { zones: running });
    await ui.until((s) => s.includes('> web'));

    await ui.press('h');
    await ui.until((s) => s.includes('Halt zone web?'));
    await ui.press(answer);

    await ui.until((s) => s.includes('Cancelled: halt of web.'));
    assert.equal(ui.client.requests.length, 0);
    assert.match(ui.frame(), /web\s+running/);
  });
}

test('unmount asks y/N first', async (t) => {
  const ui = renderUi(t, { zones: [zone('web', { state: 'mounted' })] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('u');
  await ui.until((s) => s.includes('Unmount zone web? [y/N]'));
  await ui.press('y');

  await ui.until((s) => /web\s+installed/.test(s));
});

test('ready on a zone that is not running does not ask', async (t) => {
  const ui = renderUi(t, { zones: installed });
  await ui.until((s) => s.includes('> web'));

  await ui.press('R');

  await ui.until((s) => /web\s+ready/.test(s));
  assert.equal(ui.client.requests[0]?.command, 'ready');
});

test('mount and boot do not ask', async (t) => {
  const ui = renderUi(t, {
    zones: [
      zone('a', { state: 'installed' }),
      zone('b', { state: 'installed' }),
    ],
  });
  await ui.until((s) => s.includes('> a'));

  await ui.press('m', 'j', 'b');

  await ui.until((s) => /a\s+mounted/.test(s) && /b\s+running/.test(s));
});

test('in German the y/N question takes j for yes', async (t) => {
  const ui = renderUi(t, { zones: running, language: 'de' });
  await ui.until((s) => s.includes('> web'));

  await ui.press('h');
  await ui.until(
    (s) => s.includes('Zone web anhalten?') && s.includes('[j/N]'),
  );
  await ui.press('j');

  await ui.until(() => ui.client.requests.length === 1);
  assert.equal(ui.client.requests[0]?.options.locale, 'de');
});

test('a key with no zone selected says so', async (t) => {
  const ui = renderUi(t, { zones: [], prefs: {} });
  ui.controller.store.set({ firstRunDeclined: true });
  await ui.until((s) => s.includes('NAME') && !s.includes('Reading'));

  await ui.press('b');

  await ui.until((s) => s.includes('No zone is selected.'));
});

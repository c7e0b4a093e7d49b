import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zone } from '../helpers/memory-client.js';
import { KEY, renderUi } from '../helpers/render-ui.js';

const ZONES = [
  zone('web', { state: 'running', bootedAt: Date.now() - 90 * 60_000 }),
  zone('db', { state: 'installed' }),
];

test('L opens a picker with every language written in itself', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press('L');

  await ui.until((s) => s.includes('Language'));
  for (const name of [
    'English (en) ✓',
    'Deutsch (de)',
    'Français (fr)',
    '日本語 (ja)',
  ]) {
    assert.ok(ui.frame().includes(name), name);
  }
});

test('choosing Japanese changes every label at once and saves the choice', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press('L', KEY.up, KEY.enter);

  await ui.until((s) => s.includes('表示言語を日本語に切り替えました。'));
  const screen = ui.frame();
  for (const label of [
    '名前',
    '状態',
    '稼働時間',
    '実行中',
    'インストール済み',
    '1時間30分',
    'b 起動',
    '? ヘルプ',
  ]) {
    assert.ok(screen.includes(label), `${label} in\n${screen}`);
  }
  assert.doesNotMatch(screen, /NAME|running|installed|boot/);
  assert.deepEqual(ui.prefs.saved, [{ language: 'ja' }]);
});

test('after the switch, requests carry the new language', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press('L', KEY.down, KEY.enter);
  await ui.until((s) => s.includes('Die Oberfläche spricht jetzt Deutsch.'));
  await ui.press('b');

  await ui.until((s) => s.includes('db: [de] boot db: ok'));
  assert.equal(ui.client.requests[0]?.options.locale, 'de');
});

test('open consoles are attached again in the new language, for their notices', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));
  await ui.press(KEY.enter);
  await ui.until((s) => s.includes('console db · keys go to the zone'));
  await ui.press(KEY.detach);

  await ui.press('L', KEY.down, KEY.down, KEY.enter);

  await ui.until(() => ui.client.consoles.length === 2);
  const [before, after] = ui.client.consoles;
  assert.equal(before?.closed, true);
  assert.equal(after?.options.locale, 'fr');
  await ui.until((s) => s.includes('console db'), 'still docked');
});

test('the UI opens in the saved language', async (t) => {
  const ui = renderUi(t, { zones: ZONES, prefs: { language: 'fr' } });

  await ui.until((s) => s.includes('NOM') && s.includes('en marche'));
});

test("the UI's own messages come in the new language after the switch", async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press('x', KEY.escape);
  await ui.until((s) => s.includes('Cancelled: uninstall of db.'));
  await ui.press('L', KEY.up, KEY.enter);
  await ui.until((s) => s.includes('表示言語'));
  await ui.press('x', KEY.escape);

  await ui.until((s) => s.includes('db のアンインストールを取り消しました。'));
});

test('Esc leaves the picker without changing anything', async (t) => {
  const ui = renderUi(t, { zones: ZONES });
  await ui.until((s) => s.includes('> db'));

  await ui.press('L', KEY.down, KEY.escape);

  await ui.until((s) => s.includes('NAME'));
  assert.deepEqual(ui.prefs.saved, []);
});

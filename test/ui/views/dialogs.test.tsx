import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zone } from '../helpers/memory-client.js';
import { KEY, renderUi } from '../helpers/render-ui.js';

test('x on an installed zone asks for its name before uninstalling it', async (t) => {
  const ui = renderUi(t, { zones: [zone('web', { zonepath: '/z/web' })] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('x');
  await ui.until((s) => s.includes('Uninstall zone web'));
  assert.match(ui.frame(), /every file of the zone under \/z\/web/);

  await ui.press('y', KEY.enter);
  await ui.until((s) => s.includes('That is not the name of the zone'));
  assert.equal(ui.admin.calls.length, 0, 'y is not the name');

  await ui.press(KEY.backspace, 'w', 'e', 'b', KEY.enter);
  await ui.until((s) => s.includes('Zone web is uninstalled'));
  assert.deepEqual(ui.admin.calls, [{ op: 'uninstall', zone: 'web' }]);
  await ui.until((s) => /web\s+configured/.test(s));
});

test('x on a configured zone asks for its name before deleting it', async (t) => {
  const ui = renderUi(t, { zones: [zone('old', { state: 'configured' })] });
  await ui.until((s) => s.includes('> old'));

  await ui.press('x');
  await ui.until((s) => s.includes('Delete zone old'));
  await ui.press('o', 'l', 'd', KEY.enter);

  await ui.until((s) => s.includes('Zone old is deleted.'));
  assert.deepEqual(ui.admin.calls, [{ op: 'delete', zone: 'old' }]);
});

test('Esc cancels a removal and nothing changes', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('x', 'w', 'e', KEY.escape);

  await ui.until((s) => s.includes('Cancelled: uninstall of web.'));
  assert.equal(ui.admin.calls.length, 0);
});

test('x on a running zone says to halt it first, without asking', async (t) => {
  const ui = renderUi(t, { zones: [zone('web', { state: 'running' })] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('x');

  await ui.until((s) =>
    s.includes('Zone web is running. Halt it before you remove it.'),
  );
  assert.doesNotMatch(ui.frame(), /Uninstall zone/);
});

test('i installs the selected zone, and a wrong state is explained', async (t) => {
  const ui = renderUi(t, {
    zones: [
      zone('a', { state: 'configured' }),
      zone('b', { state: 'running' }),
    ],
  });
  await ui.until((s) => s.includes('> a'));

  await ui.press('i');
  await ui.until((s) => s.includes('Zone a is installed. Press b to boot it.'));

  await ui.press('j', 'i');
  await ui.until((s) =>
    s.includes('cannot install zone b while it is running'),
  );
});

test('n opens a form that creates and installs a zone with its settings', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('n');
  await ui.until((s) => s.includes('New zone') && s.includes('Install now'));
  await ui.press('d', 'b', KEY.tab, KEY.tab, '2', '5', '6', 'M', KEY.enter);

  await ui.until((s) => s.includes('Zone db is installed.'));
  assert.deepEqual(ui.admin.calls, [
    { op: 'create', zone: 'db', words: ['memory-cap=256M'] },
    { op: 'install', zone: 'db' },
  ]);
  await ui.until((s) => s.includes('> db'), 'the new zone selected');
});

test('the form keeps its values and shows the error when the name is bad', async (t) => {
  const ui = renderUi(t, { zones: [] });
  ui.controller.store.set({ firstRunDeclined: true });
  await ui.until((s) => s.includes('NAME'));

  await ui.press('n', 'b', 'a', 'd', ' ', 'n', KEY.enter);

  await ui.until((s) => s.includes('"bad n" is not a valid zone name'));
  assert.match(ui.frame(), /Name\s+bad n/);
  assert.equal(ui.client.zones.size, 0);
});

test('the form needs a name', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('n', KEY.enter);

  await ui.until((s) => s.includes('A zone needs a name.'));
});

test('Space unticks "install now", and Esc leaves the form', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('n');
  for (let i = 0; i < 5; i++) {
    await ui.press(KEY.tab);
  }
  await ui.press(' ');
  await ui.until((s) => s.includes('[ ]'));
  await ui.press(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, 'x', KEY.enter);

  await ui.until((s) => s.includes('Zone x is configured.'));
  assert.deepEqual(
    ui.admin.calls.map((c) => c.op),
    ['create'],
    'created, not installed',
  );

  await ui.press('n', KEY.escape);
  await ui.until((s) => !s.includes('New zone'));
});

test('? shows every key, and Esc closes the help', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('?');
  await ui.until((s) => s.includes('Keys'));
  const help = ui.frame();
  for (const line of [
    /j ↓\s+next zone/,
    /b\s+boot/,
    /h\s+halt/,
    /r\s+reboot/,
    /R\s+ready/,
    /m\s+mount/,
    /u\s+unmount/,
    /n\s+new zone/,
    /i\s+install/,
    /x\s+uninstall or delete/,
    /Enter c\s+console/,
    /Tab\s+keyboard to the console/,
    /f\s+console full screen/,
    /s\s+console below or beside/,
    /\/\s+filter/,
    /L\s+language/,
    /q\s+quit/,
    /Ctrl-C\s+quit, after asking/,
    /Ctrl-]\s+leave the console/,
  ]) {
    assert.match(help, line);
  }

  await ui.press(KEY.escape);
  await ui.until((s) => s.includes('> web'));
});

test('q quits at once', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press('q');

  assert.equal(ui.host.quits, 1);
});

test('Ctrl-C asks before quitting, and No keeps the UI', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press(KEY.ctrlC);
  await ui.until((s) =>
    s.includes('Quit zonectl? Running zones keep running. [y/N]'),
  );
  await ui.press('n');
  await ui.until((s) => !s.includes('Quit zonectl?'));
  assert.equal(ui.host.quits, 0);

  await ui.press(KEY.ctrlC, 'y');
  assert.equal(ui.host.quits, 1);
});

test('a second Ctrl-C confirms quitting', async (t) => {
  const ui = renderUi(t, { zones: [zone('web')] });
  await ui.until((s) => s.includes('> web'));

  await ui.press(KEY.ctrlC, KEY.ctrlC);

  assert.equal(ui.host.quits, 1);
});

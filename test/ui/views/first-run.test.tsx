import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEY, renderUi } from '../helpers/render-ui.js';

test('with no zones, the UI offers a sample zone, and Enter creates and installs it', async (t) => {
  const ui = renderUi(t, { zones: [] });

  await ui.until((s) => s.includes('Welcome to zonectl'));
  assert.match(
    ui.frame(),
    /Press Enter to create and install a sample zone named sample/,
  );

  await ui.press(KEY.enter);

  await ui.until((s) =>
    s.includes('Zone sample is installed. Press b to boot it'),
  );
  assert.deepEqual(
    ui.admin.calls.map((c) => [c.op, c.zone]),
    [
      ['create', 'sample'],
      ['install', 'sample'],
    ],
  );
  await ui.until((s) => /> sample\s+installed/.test(s));
});

test('from the sample zone, b boots it and Enter opens its console', async (t) => {
  const ui = renderUi(t, { zones: [] });
  await ui.until((s) => s.includes('Welcome'));

  await ui.press(KEY.enter);
  await ui.until((s) => /> sample\s+installed/.test(s));
  await ui.press('b');
  await ui.until((s) => /sample\s+running/.test(s));
  await ui.press(KEY.enter);

  await ui.until((s) => s.includes('console sample'));
  await ui.until(() => ui.client.consoles.length > 0, 'a console attached');
  assert.equal(ui.client.consoles[0]?.zone, 'sample');
  ui.client.consoles[0]?.emit('root@sample:~# ');
  await ui.until((s) => s.includes('root@sample:~#'), "the zone's prompt");
});

test('Esc declines the offer and shows the empty table', async (t) => {
  const ui = renderUi(t, { zones: [] });
  await ui.until((s) => s.includes('Welcome'));

  await ui.press(KEY.escape);

  await ui.until((s) => s.includes('NAME') && !s.includes('Welcome'));
  assert.equal(ui.admin.calls.length, 0);
});

test('n on the welcome screen opens the create form', async (t) => {
  const ui = renderUi(t, { zones: [] });
  await ui.until((s) => s.includes('Welcome'));

  await ui.press('n');

  await ui.until((s) => s.includes('New zone'));
});

test('a failed sample install is reported', async (t) => {
  const ui = renderUi(t, { zones: [] });
  ui.admin.install = async () => {
    throw new Error('disk full');
  };
  await ui.until((s) => s.includes('Welcome'));

  await ui.press(KEY.enter);

  await ui.until((s) => s.includes('disk full'));
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_PREFS, prefsStore } from '../../../components/model/prefs.js';
import { resolvePaths } from '../../../src/core/paths.js';
import { tempRoot } from '../../helpers/temp-root.js';

test('preferences saved under --root are read back by the next start', async (t) => {
  const paths = resolvePaths({ root: tempRoot(t) });

  await prefsStore(paths.prefs).save({ language: 'ja', orientation: 'beside' });
  await prefsStore(paths.prefs).save({ lastZone: 'web' });

  assert.ok(paths.prefs.startsWith(paths.root ?? '-'), 'under the root');
  assert.deepEqual(prefsStore(paths.prefs).read(), {
    prefs: {
      ...DEFAULT_PREFS,
      language: 'ja',
      orientation: 'beside',
      lastZone: 'web',
    },
  });
});

test('with no file yet, the defaults apply and nothing is reported', (t) => {
  const paths = resolvePaths({ root: tempRoot(t) });

  assert.deepEqual(prefsStore(paths.prefs).read(), { prefs: DEFAULT_PREFS });
});

test('a damaged file is reported, the defaults apply, and it is never overwritten', async (t) => {
  const paths = resolvePaths({ root: tempRoot(t) });
  const store = prefsStore(paths.prefs);
  fs.mkdirSync(paths.prefs, { recursive: true });
  fs.writeFileSync(store.file, '{"language": "ja",');

  const { prefs, problem } = store.read();
  await store.save({ language: 'de' });

  assert.deepEqual(prefs, DEFAULT_PREFS);
  assert.equal(problem?.code, 'prefsUnreadable');
  assert.equal(fs.readFileSync(store.file, 'utf8'), '{"language": "ja",');
});

test('values that make no sense are ignored one by one', (t) => {
  const paths = resolvePaths({ root: tempRoot(t) });
  const store = prefsStore(paths.prefs);
  fs.mkdirSync(path.dirname(store.file), { recursive: true });
  fs.writeFileSync(
    store.file,
    JSON.stringify({
      language: 'xx',
      orientation: 'diagonal',
      lastZone: '../etc',
      detachKey: 'ctrl-x',
    }),
  );

  assert.deepEqual(store.read(), {
    prefs: { ...DEFAULT_PREFS, detachKey: 'ctrl-x' },
  });
});

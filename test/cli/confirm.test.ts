import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { PtySession } from '../helpers/pty.js';
import { tempRoot } from '../helpers/temp-root.js';

function installed(t: Parameters<typeof tempRoot>[0]): string {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);

  return root;
}

function state(root: string): string {
  return JSON.parse(zonectl(root, ['info', 'web', '--json']).stdout).state;
}

test('on a terminal, uninstall asks y/N and Enter alone keeps the zone', async (t) => {
  const root = installed(t);
  const session = new PtySession(['--root', root, 'uninstall', 'web']);
  t.after(() => session.kill());

  await session.expect(
    /Really uninstall zone web and remove its files\? \[y\/N\]/,
  );
  session.write('\r');

  assert.equal(await session.wait(), 1);
  assert.match(session.output, /cancelled; nothing was changed/);
  assert.equal(state(root), 'installed');
});

test('on a terminal, answering y to uninstall removes the files', async (t) => {
  const root = installed(t);
  const session = new PtySession(['--root', root, 'uninstall', 'web']);
  t.after(() => session.kill());

  await session.expect(/\[y\/N\]/);
  session.write('y\r');

  assert.equal(await session.wait(), 0);
  assert.equal(state(root), 'configured');
});

test('a German operator confirms with j', async (t) => {
  const root = installed(t);
  const session = new PtySession(['--root', root, 'uninstall', 'web'], {
    LANG: 'de_DE.UTF-8',
  });
  t.after(() => session.kill());

  await session.expect(/\[j\/N\]/);
  session.write('j\r');

  assert.equal(await session.wait(), 0);
  assert.equal(state(root), 'configured');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseRoot, resolvePaths } from '../../src/core/paths.js';

test('with an alternate root every path lies under it', () => {
  const paths = resolvePaths({
    root: '/alt',
    uid: 0,
    env: {},
    home: '/home/op',
  });

  assert.deepEqual(paths, {
    root: '/alt',
    etc: '/alt/etc/zonectl',
    zones: '/alt/var/lib/zonectl/zones',
    run: '/alt/run/zonectl',
    log: '/alt/var/log/zonectl',
    prefs: '/alt/home/.config/zonectl',
  });
});

test('root without an alternate root uses the system paths', () => {
  const paths = resolvePaths({ uid: 0, env: {}, home: '/root' });

  assert.equal(paths.etc, '/etc/zonectl');
  assert.equal(paths.zones, '/var/lib/zonectl/zones');
  assert.equal(paths.run, '/run/zonectl');
  assert.equal(paths.log, '/var/log/zonectl');
});

test('another user gets the XDG directories', () => {
  const env = {
    XDG_CONFIG_HOME: '/x/config',
    XDG_DATA_HOME: '/x/data',
    XDG_STATE_HOME: '/x/state',
    XDG_RUNTIME_DIR: '/run/user/1000',
  };
  const paths = resolvePaths({ uid: 1000, env, home: '/home/op' });

  assert.equal(paths.etc, '/x/config/zonectl/system');
  assert.equal(paths.zones, '/x/data/zonectl/zones');
  assert.equal(paths.run, '/run/user/1000/zonectl');
  assert.equal(paths.log, '/x/state/zonectl');
  assert.equal(paths.prefs, '/x/config/zonectl');
});

test('another user without XDG variables falls back to the home directory', () => {
  const paths = resolvePaths({ uid: 1000, env: {}, home: '/home/op' });

  assert.equal(paths.etc, '/home/op/.config/zonectl/system');
  assert.equal(paths.zones, '/home/op/.local/share/zonectl/zones');
});

test('--root wins over ZONECTL_ROOT and both are made absolute', () => {
  assert.equal(
    chooseRoot('rel', { ZONECTL_ROOT: '/env' }),
    `${process.cwd()}/rel`,
  );
  assert.equal(chooseRoot(undefined, { ZONECTL_ROOT: '/env' }), '/env');
  assert.equal(chooseRoot(undefined, { ZONECTL_ROOT: '' }), undefined);
});

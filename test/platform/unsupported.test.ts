import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe } from '../../src/core/describe.js';
import { Messages } from '../../src/core/i18n.js';
import { silentLogger } from '../../src/core/logger.js';
import { resolvePaths } from '../../src/core/paths.js';
import { createPlatform } from '../../src/platform/index.js';

test('on anything but Linux every platform call fails with one clear message', async () => {
  const platform = createPlatform({ logger: silentLogger }, 'darwin');
  const spec = {
    zone: 'web',
    config: { zonepath: '/nowhere', brand: 'sparse', autoboot: false, fs: [] },
    paths: resolvePaths({ root: '/nowhere' }),
  };
  const messages = new Messages();

  for (const call of [
    () => platform.probe(spec),
    () => platform.ready(spec),
    () => platform.boot(spec, []),
    () => platform.halt(spec),
    () => platform.mount(spec),
    () => platform.attach(spec),
  ]) {
    await assert.rejects(call(), (error) => {
      assert.equal(
        describe(error, messages.fixed('en')),
        'zones need Linux; this host runs darwin.',
      );
      assert.match(describe(error, messages.fixed('ja')), /Linux が必要/);
      return true;
    });
  }
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zoneLayout } from '../../src/platform/layout.js';
import { zonectl } from '../helpers/cli.js';
import { hostSnapshot, mountsBelow } from '../helpers/host-snapshot.js';
import { platformRoot } from '../helpers/zones.js';

test('mount shows the zone under <zonepath>/lu, and unmount removes it', async (t) => {
  const host = platformRoot(t);
  const data = fs.mkdtempSync(path.join(host.root, 'data-'));
  fs.writeFileSync(path.join(data, 'hello'), 'shared\n');
  const spec = host.zone('web', [`fs=/srv/data:${data}:rw`]);
  const view = zoneLayout(spec).adminDir;
  const before = hostSnapshot(host.root);

  const mounted = await host.platform.mount(spec);

  assert.deepEqual(mounted, { state: 'mounted' });
  assert.equal(
    fs.readFileSync(path.join(view, 'etc/hostname'), 'utf8'),
    'web\n',
  );
  assert.equal(
    fs.readFileSync(path.join(view, 'srv/data/hello'), 'utf8'),
    'shared\n',
  );
  assert.ok(fs.statSync(path.join(view, 'dev/null')).isCharacterDevice());
  assert.ok(fs.existsSync(path.join(view, 'usr/bin/env')));
  assert.throws(() => fs.writeFileSync(path.join(view, 'usr/x'), ''), {
    code: 'EROFS',
  });

  // Writes through the view land in the zone's own files.
  fs.writeFileSync(path.join(view, 'etc/motd'), 'set up from the host\n');

  const unmounted = await host.platform.unmount(spec);

  assert.deepEqual(unmounted, { state: 'installed' });
  assert.deepEqual(mountsBelow(spec.config.zonepath), []);
  assert.equal(fs.existsSync(view), false);
  assert.equal(
    fs.readFileSync(path.join(zoneLayout(spec).root, 'etc/motd'), 'utf8'),
    'set up from the host\n',
  );
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('a mounted zone can be neither readied nor uninstalled', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  await host.platform.mount(spec);

  await assert.rejects(host.platform.ready(spec), { code: 'wrongState' });
  const uninstall = zonectl(host.root, ['uninstall', 'web', '--yes']);

  assert.equal(uninstall.code, 1);
  assert.equal((await host.platform.probe(spec)).state, 'mounted');
});

test('a failed mount leaves nothing mounted', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', [
    `fs=/srv/data:${path.join(host.root, 'gone')}:rw`,
  ]);

  await assert.rejects(host.platform.mount(spec), { code: 'fsSourceMissing' });

  assert.deepEqual(mountsBelow(spec.config.zonepath), []);
  assert.equal((await host.platform.probe(spec)).state, 'installed');
});

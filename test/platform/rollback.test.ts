import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { describe } from '../../src/core/describe.js';
import {
  isZoneError,
  type ZoneError,
} from '../../src/core/errors/zone-error.js';
import { Messages } from '../../src/core/i18n.js';
import { readHierarchies } from '../../src/platform/cgroup/hierarchy.js';
import { zoneLayout } from '../../src/platform/layout.js';
import { hostSnapshot } from '../helpers/host-snapshot.js';
import { assertNothingLeft, platformRoot } from '../helpers/zones.js';

/** The error `promise` rejects with, which must be a ZoneError. */
async function failure(promise: Promise<unknown>): Promise<ZoneError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isZoneError(error), String(error));
    return error;
  }
  assert.fail('it succeeded');
}

function step(error: ZoneError): string {
  return (error.params.step as { ref: string }).ref;
}

test('a boot with a missing init fails at the init step, zone installed', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', ['init=/sbin/no-such-init']);
  const before = hostSnapshot(host.root);
  await host.platform.ready(spec);

  const error = await failure(host.platform.boot(spec, []));

  assert.equal(error.key, 'platform:errors.initMissing');
  assert.equal(step(error), 'platform:steps.init');
  assert.equal(error.params.init, '/sbin/no-such-init');
  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('a boot with an init that is not executable rolls back the same way', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', ['init=/root/init']);
  fs.writeFileSync(path.join(zoneLayout(spec).root, 'root/init'), 'echo hi\n', {
    mode: 0o644,
  });
  await host.platform.ready(spec);

  const error = await failure(host.platform.boot(spec, []));

  assert.equal(error.key, 'platform:errors.initMissing');
  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
});

test('ready with a missing fs source fails at the fs step, leaving nothing', async (t) => {
  const host = platformRoot(t);
  const missing = path.join(host.root, 'not-there');
  const spec = host.zone('web', [`fs=/srv/data:${missing}:rw`]);
  const before = hostSnapshot(host.root);

  const error = await failure(host.platform.ready(spec));

  assert.equal(error.key, 'platform:errors.fsSourceMissing');
  assert.equal(step(error), 'platform:steps.fs');
  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('ready refuses an fs mount point that passes through a link in the zone', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', [`fs=/srv/data/x:${host.root}:ro`]);
  const outside = path.join(host.root, 'outside');
  fs.mkdirSync(outside);
  fs.symlinkSync(outside, path.join(zoneLayout(spec).root, 'srv/data'));

  const error = await failure(host.platform.ready(spec));

  assert.equal(error.key, 'platform:errors.fsTargetUnsafe');
  assert.deepEqual(fs.readdirSync(outside), []);
  assertNothingLeft(spec);
});

test('ready with a cap the host has no controller for fails at the caps step', async (t) => {
  // A host like these machines, but without the pids controller anywhere.
  const hierarchies = () => {
    const real = readHierarchies();
    const v1 = new Map(real.v1);
    v1.delete('pids');
    const unified = new Set(real.unifiedControllers);
    unified.delete('pids');
    return { ...real, v1, unifiedControllers: unified };
  };
  const host = platformRoot(t, { hierarchies });
  const spec = host.zone('web', ['max-processes=10']);
  const before = hostSnapshot(host.root);

  const error = await failure(host.platform.ready(spec));

  assert.equal(error.key, 'platform:errors.capUnavailable');
  assert.equal(step(error), 'platform:steps.caps');
  assert.equal(error.params.controller, 'pids');
  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('ready with a mount point missing from the zone root fails at the root step', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  fs.rmdirSync(path.join(zoneLayout(spec).root, 'sys'));

  const error = await failure(host.platform.ready(spec));

  assert.equal(error.key, 'platform:errors.stepFailed');
  assert.equal(step(error), 'platform:steps.root');
  assertNothingLeft(spec);
});

test('a holder that cannot start fails ready at the holder step and leaves nothing', async (t) => {
  const host = platformRoot(t);
  // The holder's socket path would not fit in a Unix socket address.
  const spec = host.zone('z'.repeat(64));
  const before = hostSnapshot(host.root);

  const error = await failure(host.platform.ready(spec));

  assert.equal(error.key, 'platform:errors.holderFailed');
  assert.equal(step(error), 'platform:steps.holder');
  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('a failed step reads in the operator language, naming the step', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', ['init=/sbin/no-such-init']);
  await host.platform.ready(spec);
  const error = await failure(host.platform.boot(spec, []));
  const messages = new Messages();

  assert.match(
    describe(error, messages.fixed('en')),
    /starting init failed: \/sbin\/no-such-init/,
  );
  assert.match(describe(error, messages.fixed('de')), /Init starten/);
});

test('commands in the wrong state fail and change nothing', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');

  const boot = await failure(host.platform.boot(spec, []));
  const unmounted = await host.platform.unmount(spec);
  const halted = await host.platform.halt(spec);
  await host.platform.ready(spec);
  const again = await failure(host.platform.ready(spec));
  const mount = await failure(host.platform.mount(spec));

  assert.equal(boot.key, 'platform:errors.wrongState');
  assert.deepEqual(boot.params.state, { ref: 'platform:states.installed' });
  assert.equal(unmounted.state, 'installed');
  assert.equal(halted.state, 'installed');
  assert.equal(again.key, 'platform:errors.wrongState');
  assert.equal(mount.key, 'platform:errors.wrongState');
  assert.equal((await host.platform.probe(spec)).state, 'ready');
});

test('two halts racing on one zone both succeed, and nothing is left', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  const before = hostSnapshot(host.root);
  await host.platform.ready(spec);
  await host.platform.boot(spec, []);

  // What a daemon killed in the middle of a halt leaves: its last commands
  // still tearing down while the next daemon tears down too.
  await Promise.all([host.platform.halt(spec), host.platform.halt(spec)]);

  assert.equal((await host.platform.probe(spec)).state, 'installed');
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

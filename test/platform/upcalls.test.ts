import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HolderLink, Upcall } from '../../src/platform/types.js';
import { ZoneConsole } from '../helpers/zone-console.js';
import { platformRoot, type TestRoot } from '../helpers/zones.js';

// A guard against a hang, not a timing assertion.
const UPCALL_WAIT_MS = 15_000;

function nextUpcall(link: HolderLink): Promise<Upcall> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('no upcall came')),
      UPCALL_WAIT_MS,
    );
    link.onUpcall((upcall) => {
      clearTimeout(timer);
      resolve(upcall);
    });
  });
}

async function bootedZone(t: TestContext, host: TestRoot = platformRoot(t)) {
  const spec = host.zone('web');

  await host.platform.ready(spec);
  const link = await host.platform.attach(spec);
  t.after(() => link.close());
  const zone = new ZoneConsole(link);
  const probe = await host.platform.boot(spec, []);
  await zone.prompt();

  return { host, spec, link, zone, probe };
}

// systemctl calls reboot(2) itself when forced twice; that is how these
// tests make the system call without a compiler.
const SYSTEMCTL = fs.existsSync('/usr/sbin/reboot')
  ? path.basename(fs.realpathSync('/usr/sbin/reboot')) === 'systemctl'
  : false;

test(
  'reboot(2) inside the zone gives a reboot upcall for that boot',
  { skip: !SYSTEMCTL && 'the host has no systemctl to call reboot(2) with' },
  async (t) => {
    const { host, spec, link, zone, probe } = await bootedZone(t);
    const upcall = nextUpcall(link);

    zone.type('/usr/sbin/reboot -ff\r');

    assert.deepEqual(await upcall, {
      kind: 'reboot',
      generation: probe.generation,
      reason: 'SIGHUP',
    });
    const after = await host.platform.probe(spec);
    assert.equal(after.state, 'ready');
    assert.equal(after.initPid, undefined);
  },
);

test(
  'power-off through reboot(2) inside the zone gives a halt upcall',
  { skip: !SYSTEMCTL && 'the host has no systemctl to call reboot(2) with' },
  async (t) => {
    const { link, zone, probe } = await bootedZone(t);
    const upcall = nextUpcall(link);

    zone.type('/usr/sbin/poweroff -ff\r');

    assert.deepEqual(await upcall, {
      kind: 'halt',
      generation: probe.generation,
      reason: 'SIGINT',
    });
  },
);

for (const [command, kind] of [
  ['reboot', 'reboot'],
  ['halt', 'halt'],
  ['poweroff', 'halt'],
] as const) {
  test(`${command} typed in the zone gives a ${kind} upcall`, async (t) => {
    const { link, zone, probe } = await bootedZone(t);
    const upcall = nextUpcall(link);

    zone.type(`${command}\r`);

    const got = await upcall;
    assert.equal(got.kind, kind);
    assert.equal(got.generation, probe.generation);
  });
}

for (const [status, kind] of [
  [133, 'reboot'],
  [3, 'halt'],
] as const) {
  test(`an init that exits ${status} gives a ${kind} upcall`, async (t) => {
    const host = platformRoot(t);
    const spec = host.zone('web', ['init=/root/init']);
    const init = path.join(spec.config.zonepath, 'root/root/init');
    fs.writeFileSync(init, `#!/bin/sh\nread line\nexit ${status}\n`, {
      mode: 0o755,
    });

    await host.platform.ready(spec);
    const link = await host.platform.attach(spec);
    t.after(() => link.close());
    const probe = await host.platform.boot(spec, []);
    const upcall = nextUpcall(link);
    link.write('go\r');

    assert.deepEqual(await upcall, {
      kind,
      generation: probe.generation,
      reason: `exit ${status}`,
    });
  });
}

test('an upcall nobody was attached for waits in the holder until acknowledged', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web', ['init=/root/init']);
  fs.writeFileSync(
    path.join(spec.config.zonepath, 'root/root/init'),
    '#!/bin/sh\nexit 133\n',
    { mode: 0o755 },
  );

  await host.platform.ready(spec);
  const probe = await host.platform.boot(spec, []);
  let pending = await host.platform.probe(spec);
  while (!pending.pendingUpcall) {
    // Nothing to subscribe to without a link; the init ends at once.
    await sleep(20);
    pending = await host.platform.probe(spec);
  }
  const link = await host.platform.attach(spec);
  t.after(() => link.close());

  const upcall = await nextUpcall(link);
  await link.acknowledge(upcall.generation);

  assert.deepEqual(pending.pendingUpcall, {
    kind: 'reboot',
    generation: probe.generation,
    reason: 'exit 133',
  });
  assert.deepEqual(upcall, pending.pendingUpcall);
  assert.equal((await host.platform.probe(spec)).pendingUpcall, undefined);
});

test('a zone whose init ended boots again, new generation, same console', async (t) => {
  const { host, spec, link, zone, probe } = await bootedZone(t);
  const upcall = nextUpcall(link);
  zone.type('reboot\r');
  await upcall;

  const from = zone.text.length;
  const again = await host.platform.boot(spec, []);
  await zone.prompt(from);

  assert.equal(again.state, 'running');
  assert.notEqual(again.generation, probe.generation);
  assert.notEqual(again.initPid, probe.initPid);
  assert.equal((await zone.run('hostname')).output, 'web\n');
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { readHierarchies } from '../../src/platform/cgroup/hierarchy.js';
import { existingCgroupDirs } from '../../src/platform/cgroup/zone-cgroup.js';
import { zoneLayout } from '../../src/platform/layout.js';
import { ZoneConsole } from '../helpers/zone-console.js';
import { platformRoot } from '../helpers/zones.js';

async function bootedZone(t: TestContext, settings: string[]) {
  const host = platformRoot(t);
  const spec = host.zone('capped', settings);

  await host.platform.ready(spec);
  const link = await host.platform.attach(spec);
  t.after(() => link.close());
  const zone = new ZoneConsole(link);
  await host.platform.boot(spec, []);
  await zone.prompt();

  return { host, spec, zone };
}

// perl is part of every Debian and Ubuntu system (perl-base is essential).
const ALLOCATE_64M = `perl -e '$x = "a" x (64 * 1024 * 1024); print "allocated\\n"'`;
const FORK_20 =
  `perl -e 'for my $i (1..20) { my $p = fork(); ` +
  `if (!defined $p) { print "fork $i failed\\n"; exit 1 } ` +
  `if ($p == 0) { sleep 60; exit 0 } } print "forked 20\\n"'`;

test('an allocation over the memory cap fails inside the zone', async (t) => {
  const { zone } = await bootedZone(t, ['memory-cap=32M']);

  const result = await zone.run(ALLOCATE_64M);

  // The kernel's OOM killer ends the allocating process: 128 + SIGKILL.
  assert.equal(result.status, 137, result.output);
  assert.doesNotMatch(result.output, /allocated/);
});

test('the same allocation succeeds under a memory cap large enough for it', async (t) => {
  const { zone } = await bootedZone(t, ['memory-cap=512M']);

  const result = await zone.run(ALLOCATE_64M);

  assert.equal(result.status, 0, result.output);
  assert.equal(result.output, 'allocated\n');
});

test('a fork over max-processes fails inside the zone', async (t) => {
  const { zone } = await bootedZone(t, ['max-processes=10']);

  const result = await zone.run(FORK_20);

  // Four of the ten are taken: the host-side wrapper that waits for init,
  // init, the shell and perl.
  assert.equal(result.status, 1, result.output);
  assert.equal(result.output, 'fork 7 failed\n');
});

test('the cpu cap is written as a CFS quota of the zone cgroup', async (t) => {
  const { spec } = await bootedZone(t, ['cpu-cap=0.25']);
  const hierarchies = readHierarchies();
  const dirs = existingCgroupDirs(zoneLayout(spec).cgroupName, hierarchies);

  const cpu = dirs.find((d) => fs.existsSync(path.join(d, 'cpu.cfs_quota_us')));
  const v2 = dirs.find((d) => fs.existsSync(path.join(d, 'cpu.max')));
  if (cpu) {
    assert.equal(
      fs.readFileSync(path.join(cpu, 'cpu.cfs_quota_us'), 'utf8').trim(),
      '25000',
    );
  } else {
    assert.match(
      fs.readFileSync(path.join(v2 as string, 'cpu.max'), 'utf8'),
      /^25000 100000/,
    );
  }
});

test('every process of a zone lives in its cgroup, outside the caller cgroup', async (t) => {
  const { spec, zone } = await bootedZone(t, ['memory-cap=64M']);
  const layout = zoneLayout(spec);

  const inside = await zone.run('cat /proc/self/cgroup');
  const own = fs.readFileSync('/proc/self/cgroup', 'utf8');

  assert.match(
    inside.output,
    new RegExp(`memory:/zonectl/${layout.cgroupName}$`, 'm'),
  );
  assert.match(
    inside.output,
    new RegExp(`^0::/zonectl/${layout.cgroupName}$`, 'm'),
  );
  assert.doesNotMatch(own, /zonectl/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostSnapshot } from '../helpers/host-snapshot.js';
import { platformRoot } from '../helpers/zones.js';

const CYCLES = 50;

test(`${CYCLES} ready/boot/halt cycles leave mounts, processes and cgroups alone`, async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('cycler', [
    'memory-cap=64M',
    'max-processes=50',
    'cpu-cap=0.5',
  ]);
  const before = hostSnapshot(host.root);
  const inits = new Set<number>();

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    assert.equal((await host.platform.ready(spec)).state, 'ready');
    const booted = await host.platform.boot(spec, []);
    assert.equal(booted.state, 'running');
    inits.add(booted.initPid as number);
    assert.equal((await host.platform.halt(spec)).state, 'installed');
  }

  assert.equal(inits.size, CYCLES);
  assert.deepEqual(hostSnapshot(host.root), before);
});

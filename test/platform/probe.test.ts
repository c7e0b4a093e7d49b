import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { createPlatform } from '../../src/platform/index.js';
import { zoneLayout } from '../../src/platform/layout.js';
import { hostSnapshot } from '../helpers/host-snapshot.js';
import { ZoneConsole } from '../helpers/zone-console.js';
import {
  assertNothingLeft,
  platformRoot,
  testLogger,
} from '../helpers/zones.js';

// Each probe comes from a platform that never saw the zone before, as after
// a restart: only the host can tell.
function freshProbe(
  spec: Parameters<ReturnType<typeof createPlatform>['probe']>[0],
) {
  return createPlatform({ logger: testLogger() }).probe(spec);
}

test('probe tells installed, ready, running and mounted apart from the host alone', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');

  const installed = await freshProbe(spec);
  await host.platform.ready(spec);
  const ready = await freshProbe(spec);
  const booted = await host.platform.boot(spec, []);
  const running = await freshProbe(spec);
  await host.platform.halt(spec);
  await host.platform.mount(spec);
  const mounted = await freshProbe(spec);

  assert.deepEqual(installed, { state: 'installed' });
  assert.equal(ready.state, 'ready');
  assert.equal(ready.id, 1);
  assert.equal(ready.initPid, undefined);
  assert.equal(running.state, 'running');
  assert.equal(running.initPid, booted.initPid);
  assert.equal(running.generation, booted.generation);
  assert.equal(running.holderPid, ready.holderPid);
  assert.deepEqual(mounted, { state: 'mounted' });
});

test('zones that are up at the same time get different small IDs', async (t) => {
  const host = platformRoot(t);
  const a = host.zone('alpha');
  const b = host.zone('beta');

  const [first, second] = await Promise.all([
    host.platform.ready(a),
    host.platform.ready(b),
  ]);
  await host.platform.halt(a);
  const third = await host.platform.ready(a);

  assert.deepEqual(new Set([first.id, second.id]), new Set([1, 2]));
  assert.equal(third.id, first.id);
});

test('a holder killed with SIGKILL shows as dead, and cleanup removes all it left', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  const before = hostSnapshot(host.root);
  await host.platform.ready(spec);
  const zone = new ZoneConsole(await host.platform.attach(spec));
  const booted = await host.platform.boot(spec, []);
  await zone.prompt();

  process.kill(booted.holderPid as number, 'SIGKILL');
  await waitUntilGone(booted.holderPid as number);
  const dead = await freshProbe(spec);
  // Without its console the zone lives on until cleanup ends it.
  const initAlive = isAlive(booted.initPid as number);
  const cleaned = await host.platform.cleanup(spec);

  assert.equal(dead.state, 'dead');
  assert.equal(dead.id, booted.id);
  assert.equal(initAlive, true);
  assert.deepEqual(cleaned, { state: 'installed' });
  // Its wrapper was the dead holder's child, so the host's init reaps both.
  assert.equal(isAlive(booted.initPid as number), false);
  assertNothingLeft(spec);
  assert.deepEqual(hostSnapshot(host.root), before);
});

test('the platform files of a zone live only under its run directory', async (t) => {
  const host = platformRoot(t);
  const spec = host.zone('web');
  const layout = zoneLayout(spec);

  await host.platform.ready(spec);

  assert.equal(fs.statSync(layout.runDir).mode & 0o777, 0o700);
  assert.equal(fs.statSync(layout.socket).mode & 0o777, 0o600);
  assert.deepEqual(fs.readdirSync(layout.runDir).sort(), [
    'holder.sock',
    'platform',
  ]);
});

// The killed holder is our child; Node reaps it, which takes a moment.
async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const stat = readStat(pid);
    if (!stat || stat === 'Z') {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`process ${pid} did not end`);
}

function isAlive(pid: number): boolean {
  const state = readStat(pid);

  return state !== undefined && state !== 'Z';
}

function readStat(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

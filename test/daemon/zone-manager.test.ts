/**
 * Unit tests of the zone manager's own logic (serialization, upcalls,
 * rollback), with the platform replaced by a scripted one. The transition
 * table itself is tested on the real platform, with real daemons, in
 * table.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { ZoneIndex } from '../../src/config/zone-index.js';
import { createLogger } from '../../src/core/logger.js';
import { resolvePaths } from '../../src/core/paths.js';
import { AuditLog } from '../../src/daemon/audit.js';
import { EventHub, type Subscriber } from '../../src/daemon/event-hub.js';
import { ZoneManager, type Asker } from '../../src/daemon/zone-manager.js';
import type { ZoneEvent } from '../../src/protocol/commands.js';
import { tempRoot } from '../helpers/temp-root.js';
import { ScriptedPlatform } from './scripted-platform.js';

const alice: Asker = {
  who: Promise.resolve({ uid: 0, pid: 10, user: 'alice', verified: false }),
  label: 'alice',
};

async function setUp(t: TestContext) {
  const root = tempRoot(t);
  const paths = resolvePaths({ root });
  const index = new ZoneIndex(paths);
  await index.update((data) => {
    data.zones.web = {
      state: 'installed',
      config: {
        zonepath: path.join(root, 'zones/web'),
        brand: 'sparse',
        autoboot: false,
        fs: [],
      },
    };
  });

  const platform = new ScriptedPlatform();
  const events: ZoneEvent[] = [];
  const hub = new EventHub();
  const subscriber: Subscriber = {
    sendEvent: (event) => events.push(event),
    backlogBytes: 0,
    end: () => undefined,
  };
  hub.add(subscriber);
  const log: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    write: (line) => log.push(JSON.parse(line)),
  });
  const auditFile = path.join(root, 'audit.log');
  const manager = new ZoneManager({
    zone: 'web',
    paths,
    platform,
    index,
    logger,
    hub,
    audit: new AuditLog(auditFile, logger),
  });
  const audit = () =>
    fs
      .readFileSync(auditFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  return { platform, manager, events, log, audit, index };
}

/** Lets queued work (an upcall's transition) run to its end. */
async function settle(manager: ZoneManager): Promise<void> {
  while (manager.busy) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('two boots at once run in turn; the second finds the zone booted', async (t) => {
  const { platform, manager, events } = await setUp(t);
  await manager.start();
  const release = platform.hold('ready');

  const first = manager.request('boot', [], alice);
  const second = manager.request('boot', [], alice);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(platform.calls, ['ready'], 'the second waits for the first');
  release();

  const [a, b] = await Promise.all([first, second]);
  assert.equal(a.result, 'ok');
  assert.equal(b.result, 'already');
  assert.equal(b.already, 'booted');
  assert.deepEqual(platform.calls, ['ready', 'boot']);
  assert.deepEqual(
    events.map((e) => [e.event, e.from, e.to]),
    [['booting', 'installed', 'running']],
  );
});

test('boot arguments reach the platform, and none means the configured ones', async (t) => {
  const { platform, manager } = await setUp(t);
  await manager.start();

  await manager.request('boot', ['-s', 'verbose'], alice);
  await manager.request('reboot', undefined, alice);

  assert.deepEqual(platform.calls, [
    'ready',
    'boot -s verbose',
    'halt',
    'ready',
    'boot',
  ]);
});

test('a failed boot leaves the zone installed and publishes bootfailed', async (t) => {
  const { platform, manager, events, audit } = await setUp(t);
  await manager.start();
  platform.failing.set('boot', new Error('init missing'));

  const outcome = await manager.request('boot', [], alice);

  assert.equal(outcome.ok, false);
  assert.equal(outcome.state, 'installed');
  assert.equal(platform.state, 'installed');
  assert.deepEqual(platform.calls, ['ready', 'boot', 'halt']);
  assert.deepEqual(
    events.map((e) => [e.event, e.from, e.to]),
    [['bootfailed', 'installed', 'installed']],
  );
  assert.equal(audit()[0].result, 'failed');
});

test('a halt upcall halts the zone, published and audited as by the zone', async (t) => {
  const { platform, manager, events, audit } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);

  platform.initEnds('halt');
  assert.equal(manager.state, 'shutting_down', 'until the daemon acts');
  await settle(manager);

  assert.equal(manager.state, 'installed');
  assert.deepEqual(events.at(-1), {
    ...events.at(-1),
    event: 'halted',
    from: 'shutting_down',
    to: 'installed',
    by: 'zone',
  });
  assert.deepEqual(audit().at(-1), {
    ...audit().at(-1),
    command: 'halt',
    who: 'zone',
    result: 'ok',
  });
});

test('a reboot upcall boots the zone again, with a new generation', async (t) => {
  const { platform, manager, events } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);
  const first = platform.generation;

  platform.initEnds('reboot');
  await settle(manager);

  assert.equal(manager.state, 'running');
  assert.notEqual(platform.generation, first);
  assert.equal(events.at(-1)?.event, 'rebooting');
});

test('an upcall carrying an earlier generation is ignored', async (t) => {
  const { platform, manager, events, log } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);
  const stale = platform.generation as string;
  await manager.request('reboot', [], alice);
  const before = events.length;

  for (const link of platform.links.filter((l) => !l.closed)) {
    link.fire({ kind: 'halt', generation: stale, reason: 'SIGINT' });
  }
  await settle(manager);

  assert.equal(manager.state, 'running');
  assert.equal(platform.state, 'running');
  assert.equal(events.length, before);
  assert.ok(
    log.some((l) => l.message === 'ignored an upcall from an earlier boot'),
  );
});

test('an upcall that is neither halt nor reboot is refused', async (t) => {
  const { platform, manager } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);

  const link = platform.links.find((l) => !l.closed);
  link?.fire({
    kind: 'ready' as 'halt',
    generation: platform.generation as string,
    reason: 'forged',
  });
  await settle(manager);

  assert.equal(manager.state, 'running');
});

test('an upcall made while no daemon ran is acted on when the manager starts', async (t) => {
  const { platform, manager, events } = await setUp(t);
  platform.state = 'ready';
  platform.pendingUpcall = { kind: 'halt', generation: 'g7', reason: 'exit 0' };

  const started = await manager.start();
  assert.equal(started.state, 'shutting_down');
  assert.equal(started.recovered, true);
  await settle(manager);

  assert.equal(manager.state, 'installed');
  assert.equal(events.at(-1)?.event, 'halted');
  assert.equal(events.at(-1)?.by, 'zone');
  assert.deepEqual(platform.calls, ['halt'], 'acted on once');
});

test('a failed teardown with init alive leaves the zone shutting down', async (t) => {
  const { platform, manager } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);
  platform.failing.set('halt', new Error('busy'));

  const failed = await manager.request('halt', [], alice);
  assert.equal(failed.ok, false);
  assert.equal(failed.state, 'shutting_down');

  const again = await manager.request('halt', [], alice);
  assert.equal(again.ok, true);
  assert.equal(again.state, 'installed');
});

test('a teardown that fails after init ended leaves the zone down', async (t) => {
  const { platform, manager } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);
  platform.failing.set('halt', new Error('busy'));
  platform.initSurvivesFailedHalt = false;

  const failed = await manager.request('halt', [], alice);

  assert.equal(failed.state, 'down');
});

test('a dead holder found at start is cleaned up, with a warning', async (t) => {
  const { platform, manager, log } = await setUp(t);
  platform.state = 'dead';

  const started = await manager.start();

  assert.equal(started.state, 'installed');
  assert.ok(platform.calls.includes('cleanup'));
  assert.ok(log.some((l) => l.level === 'warn'));
});

test('a holder that goes away on its own is noticed and the zone is reported halted', async (t) => {
  const { platform, manager, events } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);

  platform.state = 'installed';
  platform.links.find((l) => !l.closed)?.vanish();
  await settle(manager);

  assert.equal(manager.state, 'installed');
  assert.equal(events.at(-1)?.event, 'halted');
});

test('every request leaves one audit record, with who asked and the outcome', async (t) => {
  const { manager, audit } = await setUp(t);
  await manager.start();

  await manager.request('halt', [], alice);
  await manager.request('reboot', [], alice);
  await manager.request('ready', [], alice);

  assert.deepEqual(
    audit().map((r) => [r.command, r.result, r.from, r.to, r.who.user]),
    [
      ['halt', 'already', 'installed', 'installed', 'alice'],
      ['reboot', 'invalid', 'installed', 'installed', 'alice'],
      ['ready', 'ok', 'installed', 'ready', 'alice'],
    ],
  );
});

test('after note_uninstalling, queued requests are turned back as going away', async (t) => {
  const { manager, events } = await setUp(t);
  await manager.start();

  const noted = await manager.request('note_uninstalling', [], alice);
  const boot = await manager.request('boot', [], alice);

  assert.equal(noted.ok, true);
  assert.equal(events.at(-1)?.event, 'uninstalling');
  assert.equal(boot.result, 'refused');
  assert.equal(boot.state, 'installed');
});

test('a zone whose holder died is down when asked, and halt clears it', async (t) => {
  const { platform, manager } = await setUp(t);
  await manager.start();
  await manager.request('boot', [], alice);
  platform.state = 'dead';

  const boot = await manager.request('boot', [], alice);
  const halt = await manager.request('halt', [], alice);

  assert.equal(boot.from, 'down');
  assert.equal(boot.already, 'booted');
  assert.equal(halt.from, 'down');
  assert.equal(halt.state, 'installed');
  assert.equal(platform.calls.at(-1), 'halt');
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hostSnapshot } from '../helpers/host-snapshot.js';
import { platformRoot } from '../helpers/zones.js';

const RUNNER = fileURLToPath(
  new URL('../helpers/rootless-runner.js', import.meta.url),
);

// The user the test drops to: nobody, which every Debian system has.
const NOBODY = 65534;

/** Why this host cannot run a rootless zone, or undefined when it can. */
function whyNoUserNamespaces(): string | undefined {
  const probe = spawnSync('setpriv', [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    'unshare',
    '--user',
    '--map-root-user',
    'true',
  ]);

  return probe.status === 0
    ? undefined
    : `unprivileged user namespaces are not allowed here: ${probe.stderr}`;
}

test(
  'an unprivileged user runs a zone through a user namespace, caps reported as not applied',
  { skip: whyNoUserNamespaces() },
  (t) => {
    const host = platformRoot(t);
    host.zone('web', ['memory-cap=64M']);
    // The zone's files belong to the user who runs it; the install needed
    // root only to read the host's /etc/shadow.
    spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, host.root]);
    const before = hostSnapshot(host.root);

    const run = spawnSync(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        process.execPath,
        RUNNER,
        host.root,
        'web',
      ],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: '/nonexistent' },
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const seen = JSON.parse(run.stdout);

    assert.equal(seen.error, undefined, JSON.stringify(seen.error));
    assert.equal(seen.uid, NOBODY);
    assert.equal(seen.ready.state, 'ready');
    assert.deepEqual(seen.ready.notApplied, ['memory-cap']);
    assert.equal(seen.booted.state, 'running');
    // Root inside the zone is the unprivileged user outside.
    assert.equal(seen.id.output, '0\n');
    assert.equal(seen.initUid, NOBODY);
    assert.equal(seen.hostname.output, 'web\n');
    assert.equal(seen.init.output.trim(), '/bin/sh /run/zonectl-brand/init');
    assert.notEqual(seen.usr.status, 0);
    assert.ok(Number(seen.processes.output) <= 5, seen.processes.output);
    assert.equal(seen.mount, 'rootlessMount');
    assert.deepEqual(seen.halted, { state: 'installed' });
    assert.deepEqual(seen.after, { state: 'installed' });
    assert.deepEqual(hostSnapshot(host.root), before);
  },
);

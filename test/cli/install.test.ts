import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';
import { listTree } from '../helpers/tree.js';

function state(root: string, zone: string): string {
  return JSON.parse(zonectl(root, ['info', zone, '--json']).stdout).state;
}

function mode(file: string): number {
  return fs.statSync(file).mode & 0o7777;
}

test('install builds a sparse root with the zone own directories, mount points and links', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web', 'memory-cap=256M']);

  const result = zonectl(root, ['install', 'web']);

  assert.equal(result.code, 0, result.stderr);
  assert.equal(state(root, 'web'), 'installed');

  const zonepath = path.join(root, 'var/lib/zonectl/zones/web');
  const zroot = path.join(zonepath, 'root');
  assert.equal(mode(zonepath), 0o700);
  for (const dir of [
    'etc',
    'var',
    'tmp',
    'home',
    'root',
    'run',
    'usr',
    'proc',
    'dev',
    'sys',
  ]) {
    assert.ok(fs.statSync(path.join(zroot, dir)).isDirectory(), dir);
  }
  assert.equal(mode(path.join(zroot, 'tmp')), 0o1777);
  assert.equal(mode(path.join(zroot, 'root')), 0o700);
  assert.equal(fs.readlinkSync(path.join(zroot, 'bin')), 'usr/bin');
  assert.equal(fs.readlinkSync(path.join(zroot, 'lib')), 'usr/lib');
  assert.deepEqual(fs.readdirSync(path.join(zroot, 'usr')), []);

  const etc = path.join(zroot, 'etc');
  assert.equal(fs.readFileSync(path.join(etc, 'hostname'), 'utf8'), 'web\n');
  assert.equal(
    fs.readFileSync(path.join(etc, 'passwd'), 'utf8'),
    fs.readFileSync('/etc/passwd', 'utf8'),
  );
  assert.ok(fs.lstatSync(path.join(etc, 'alternatives')).isDirectory());
  assert.match(fs.readFileSync(path.join(etc, 'shadow'), 'utf8'), /^root:\*:/m);
});

test('a second install of an installed zone fails and leaves it installed', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);

  const result = zonectl(root, ['install', 'web']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot install zone web while it is installed/);
  assert.equal(state(root, 'web'), 'installed');
});

test('install refuses a zonepath that already holds files and touches none of them', (t) => {
  const root = tempRoot(t);
  const zonepath = path.join(root, 'busy');
  fs.mkdirSync(zonepath);
  fs.writeFileSync(path.join(zonepath, 'precious'), 'keep me');
  zonectl(root, ['create', 'web', `zonepath=${zonepath}`]);

  const result = zonectl(root, ['install', 'web']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /already holds files/);
  assert.deepEqual(fs.readdirSync(zonepath), ['precious']);
  assert.equal(state(root, 'web'), 'configured');
});

test('an install that runs out of space leaves the zone configured and nothing on disk', (t) => {
  const root = tempRoot(t);
  const small = path.join(root, 'small');
  fs.mkdirSync(small);
  // A file system too small for the copied /etc files fails mid-install.
  const mounted = spawnSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    'size=64k',
    'tmpfs',
    small,
  ]);
  assert.equal(mounted.status, 0, String(mounted.stderr));

  try {
    zonectl(root, ['create', 'web', `zonepath=${small}/web`]);

    const result = zonectl(root, ['install', 'web']);

    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /installing zone web failed at step "etc" \(ENOSPC/,
    );
    assert.equal(state(root, 'web'), 'configured');
    assert.deepEqual(listTree(small), []);
  } finally {
    spawnSync('umount', [small]);
  }
});

test('uninstall --yes removes the files and returns the zone to configured', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);

  const result = zonectl(root, ['uninstall', 'web', '--yes']);

  assert.equal(result.code, 0, result.stderr);
  assert.equal(state(root, 'web'), 'configured');
  assert.equal(
    fs.existsSync(path.join(root, 'var/lib/zonectl/zones/web')),
    false,
  );
});

test('uninstall without --yes and without a terminal refuses and keeps the files', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);

  const result = zonectl(root, ['uninstall', 'web']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /needs confirmation/);
  assert.equal(state(root, 'web'), 'installed');
  assert.ok(
    fs.existsSync(path.join(root, 'var/lib/zonectl/zones/web/root/etc/passwd')),
  );
});

test('uninstall of a zone that was never installed fails', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);

  const result = zonectl(root, ['uninstall', 'web', '--yes']);

  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /cannot uninstall zone web while it is configured/,
  );
});

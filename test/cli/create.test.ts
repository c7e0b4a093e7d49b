import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zonectl, zonectlAsync, zonectlBare } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';
import { listTree, snapshot } from '../helpers/tree.js';

function info(root: string, zone: string) {
  const result = zonectl(root, ['info', zone, '--json']);
  assert.equal(result.code, 0, result.stderr);

  return JSON.parse(result.stdout);
}

test('create stores a zone with its keys, a default zonepath and the sparse brand', (t) => {
  const root = tempRoot(t);

  const created = zonectl(root, [
    'create',
    'web',
    'memory-cap=256m',
    'cpu-cap=0.5',
    'max-processes=200',
    'hostname=web.example',
    'autoboot=true',
    'init=/sbin/myinit',
    'bootargs=-s quiet',
    'fs=/data:/srv/data:ro',
    'fs=/logs:/var/tmp/logs',
  ]);
  assert.equal(created.code, 0, created.stderr);

  assert.deepEqual(info(root, 'web'), {
    zonename: 'web',
    state: 'configured',
    zonepath: path.join(root, 'var/lib/zonectl/zones/web'),
    brand: 'sparse',
    autoboot: true,
    hostname: 'web.example',
    init: '/sbin/myinit',
    bootargs: '-s quiet',
    'memory-cap': '256M',
    'cpu-cap': 0.5,
    'max-processes': 200,
    fs: [
      { dir: '/data', source: '/srv/data', readonly: true },
      { dir: '/logs', source: '/var/tmp/logs', readonly: false },
    ],
  });
  assert.ok(fs.existsSync(path.join(root, 'etc/zonectl/zones.json')));
});

test('info without --json shows every configured key as key: value', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'db', 'memory-cap=1G']);

  const result = zonectl(root, ['info', 'db']);

  assert.equal(result.code, 0);
  assert.match(result.stdout, /^zonename:\s+db$/m);
  assert.match(result.stdout, /^state:\s+configured$/m);
  assert.match(result.stdout, /^memory-cap:\s+1G$/m);
  assert.match(result.stdout, /^brand:\s+sparse$/m);
});

const badNames = [
  ['has a space', 'web server'],
  ['starts with an underscore', '_web'],
  ['starts with a dot', '.web'],
  ['is longer than 64 characters', 'a'.repeat(65)],
  ['has a slash', 'web/1'],
  ['is empty', ''],
];

for (const [why, name] of badNames) {
  test(`a zone name that ${why} is refused with exit 2 and nothing written`, (t) => {
    const root = tempRoot(t);

    const result = zonectl(root, ['create', name as string]);

    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /not a valid zone name.*letters, digits/);
    assert.deepEqual(listTree(root), []);
  });
}

test('a 64-character name that starts with a digit is accepted', (t) => {
  const root = tempRoot(t);
  const name = `9${'z'.repeat(63)}`;

  assert.equal(zonectl(root, ['create', name]).code, 0);
  assert.equal(info(root, name).zonename, name);
});

test('the name global is refused because it is the host itself', (t) => {
  const root = tempRoot(t);

  const result = zonectl(root, ['create', 'global']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /"global" is the host itself/);
  assert.deepEqual(listTree(root), []);
});

test('a duplicate zone is refused and the first one is kept as it was', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web', 'memory-cap=256M']);
  const before = snapshot(root);

  const result = zonectl(root, ['create', 'web', 'memory-cap=1G']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /a zone named web already exists/);
  assert.deepEqual(snapshot(root), before);
  assert.equal(info(root, 'web')['memory-cap'], '256M');
});

const badValues = [
  [
    'memory-cap=lots',
    /"lots" is not a valid value for memory-cap: a size of at least 4M/,
  ],
  ['memory-cap=1K', /memory-cap: a size of at least 4M/],
  ['cpu-cap=0', /cpu-cap: a number of CPUs above 0/],
  ['cpu-cap=half', /cpu-cap/],
  ['max-processes=-1', /max-processes: a whole number from 1/],
  ['max-processes=1.5', /max-processes/],
  ['autoboot=maybe', /autoboot: true or false/],
  ['zonepath=relative/dir', /zonepath: an absolute path/],
  ['zonepath=/srv/../etc', /zonepath: an absolute path without/],
  ['hostname=-bad-', /hostname: a host name/],
  ['brand=full', /brand: the only brand is sparse/],
  ['fs=/data', /fs: dir:source\[:ro\|rw\]/],
  ['fs=/data:/srv:rx', /fs: dir/],
  ['init=sbin/init', /init: an absolute path inside the zone/],
  ['colour=red', /there is no key "colour". The keys are: zonepath, brand/],
  ['memory-cap', /"memory-cap" is not a setting. Write key=value/],
] as const;

for (const [word, message] of badValues) {
  test(`create with ${word} fails with exit 2, says what is allowed, writes nothing`, (t) => {
    const root = tempRoot(t);

    const result = zonectl(root, ['create', 'web', word]);

    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
    assert.deepEqual(listTree(root), []);
  });
}

test('two zones may not share a zonepath or nest one inside the other', (t) => {
  const root = tempRoot(t);
  const zp = path.join(root, 'zones/a');
  zonectl(root, ['create', 'a', `zonepath=${zp}`]);

  const same = zonectl(root, ['create', 'b', `zonepath=${zp}`]);
  const nested = zonectl(root, ['create', 'c', `zonepath=${zp}/inner`]);

  assert.equal(same.code, 1);
  assert.match(same.stderr, /overlaps that of zone a/);
  assert.equal(nested.code, 1);
  assert.equal(zonectl(root, ['info', 'b']).code, 1);
});

test('twenty zones created at the same time are all kept', async (t) => {
  const root = tempRoot(t);
  const names = Array.from({ length: 20 }, (_, i) => `z${i}`);

  const results = await Promise.all(
    names.map((n) => zonectlAsync(root, ['create', n])),
  );

  assert.deepEqual(
    results.map((r) => r.code),
    names.map(() => 0),
  );
  const listed = JSON.parse(zonectl(root, ['list', '-c', '--json']).stdout);
  assert.deepEqual(
    listed.map((z: { name: string }) => z.name).sort(),
    [...names].sort(),
  );
});

test('ZONECTL_ROOT is the alternate root when --root is absent', (t) => {
  const root = tempRoot(t);

  const result = zonectlBare(['create', 'envzone'], {
    env: { ZONECTL_ROOT: root },
  });

  assert.equal(result.code, 0, result.stderr);
  assert.ok(
    fs
      .readFileSync(path.join(root, 'etc/zonectl/zones.json'), 'utf8')
      .includes('envzone'),
  );
});

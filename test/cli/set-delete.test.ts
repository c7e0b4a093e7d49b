import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';
import { snapshot } from '../helpers/tree.js';

function config(root: string, zone: string) {
  return JSON.parse(zonectl(root, ['info', zone, '--json']).stdout);
}

test('set changes keys, and an empty value removes an optional key', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web', 'memory-cap=256M', 'fs=/a:/srv/a']);

  assert.equal(
    zonectl(root, ['set', 'web', 'memory-cap=512M', 'cpu-cap=2']).code,
    0,
  );
  assert.equal(config(root, 'web')['memory-cap'], '512M');
  assert.equal(config(root, 'web')['cpu-cap'], 2);

  assert.equal(zonectl(root, ['set', 'web', 'memory-cap=', 'fs=']).code, 0);
  assert.equal(config(root, 'web')['memory-cap'], undefined);
  assert.deepEqual(config(root, 'web').fs, []);
});

test('set with one bad value among good ones changes nothing', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web', 'memory-cap=256M']);
  const before = snapshot(root);

  const result = zonectl(root, ['set', 'web', 'cpu-cap=1', 'memory-cap=lots']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /memory-cap/);
  assert.deepEqual(snapshot(root), before);
});

test('set on an unknown zone fails and names the zone', (t) => {
  const root = tempRoot(t);

  const result = zonectl(root, ['set', 'ghost', 'cpu-cap=1']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /there is no zone named ghost/);
});

test('the zonepath of an installed zone cannot change', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);

  const result = zonectl(root, ['set', 'web', `zonepath=${root}/elsewhere`]);

  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /zonepath of zone web cannot change while it is installed/,
  );
});

test('delete asks for confirmation and refuses without a terminal or --yes', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  const before = snapshot(root);

  const result = zonectl(root, ['delete', 'web']);

  assert.equal(result.code, 2);
  assert.match(result.stderr, /needs confirmation.*Add --yes/);
  assert.deepEqual(snapshot(root), before);
});

test('delete --yes removes a configured zone', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);

  assert.equal(zonectl(root, ['delete', 'web', '--yes']).code, 0);
  assert.equal(zonectl(root, ['info', 'web']).code, 1);
});

test('an installed zone cannot be deleted, even with --yes', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);
  zonectl(root, ['install', 'web']);
  const before = snapshot(root);

  const result = zonectl(root, ['--yes', 'delete', 'web']);

  assert.equal(result.code, 1);
  assert.match(result.stderr, /cannot delete zone web while it is installed/);
  assert.deepEqual(snapshot(root), before);
});

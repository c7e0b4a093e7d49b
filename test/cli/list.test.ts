import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';

function names(root: string, flags: string[]): string[] {
  const result = zonectl(root, ['list', ...flags]);
  assert.equal(result.code, 0, result.stderr);

  return result.stdout.split('\n').filter(Boolean);
}

function twoZones(root: string): void {
  zonectl(root, ['create', 'web', 'memory-cap=256M']);
  zonectl(root, ['install', 'web']);
  zonectl(root, ['create', 'db']);
}

test('list shows running zones, -i adds installed ones, -c every configured one', (t) => {
  const root = tempRoot(t);
  twoZones(root);

  assert.deepEqual(names(root, []), []);
  assert.deepEqual(names(root, ['-i']), ['web']);
  assert.deepEqual(names(root, ['-c']), ['db', 'web']);
});

test('list -cv prints a wide table with ID, NAME, STATUS, PATH and BRAND', (t) => {
  const root = tempRoot(t);
  twoZones(root);

  const lines = names(root, ['-cv']);

  assert.match(lines[0] ?? '', /^ID\s+NAME\s+STATUS\s+PATH\s+BRAND$/);
  assert.match(
    lines[1] ?? '',
    /^-\s+db\s+configured\s+\S+\/zones\/db\s+sparse$/,
  );
  assert.match(
    lines[2] ?? '',
    /^-\s+web\s+installed\s+\S+\/zones\/web\s+sparse$/,
  );
});

test('list -cv --lang de shows the table and the states in German', (t) => {
  const root = tempRoot(t);
  twoZones(root);

  const lines = names(root, ['-cv', '--lang', 'de']);

  assert.match(lines[0] ?? '', /^ID\s+NAME\s+STATUS\s+PFAD\s+MARKE$/);
  assert.match(lines[2] ?? '', /^-\s+web\s+installiert\s+/);
  assert.match(lines[1] ?? '', /^-\s+db\s+konfiguriert\s+/);
});

test('list -cv aligns its columns for Japanese, whose states are two columns a character', (t) => {
  const root = tempRoot(t);
  twoZones(root);

  const lines = names(root, ['-cv', '--lang', 'ja']);
  const pathColumn = (line: string) => {
    const at = line.indexOf('/');
    return [...line.slice(0, at)].reduce(
      (w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1),
      0,
    );
  };

  assert.equal(pathColumn(lines[1] ?? ''), pathColumn(lines[2] ?? ''));
});

test('list --json prints every shown zone for scripts, with canonical states', (t) => {
  const root = tempRoot(t);
  twoZones(root);

  const result = zonectl(root, ['list', '-c', '--json', '--lang', 'ja']);

  assert.deepEqual(
    JSON.parse(result.stdout).map((z: { name: string; state: string }) => [
      z.name,
      z.state,
    ]),
    [
      ['db', 'configured'],
      ['web', 'installed'],
    ],
  );
});

test('list on a root where nothing was ever configured prints nothing and writes nothing', (t) => {
  const root = tempRoot(t);

  assert.deepEqual(names(root, ['-cv']).slice(1), []);
});

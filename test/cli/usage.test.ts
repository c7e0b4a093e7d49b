import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';

const usageErrors = [
  [['frobnicate'], /unknown command "frobnicate"/],
  [['list', '-x'], /list has no option -x/],
  [['list', '--frob'], /list has no option --frob/],
  [['info'], /info needs <zone>/],
  [['info', 'a', 'b'], /info takes no further argument, but got "b"/],
  [['set', 'web'], /set needs <key=value...>/],
  [
    ['--lang', 'xx', 'list'],
    /unknown language "xx". Choose one of: en, de, fr, ja/,
  ],
  [['list', '--lang'], /the option --lang needs a value/],
] as const;

for (const [args, message] of usageErrors) {
  test(`zonectl ${args.join(' ')} is a usage error with exit 2`, (t) => {
    const root = tempRoot(t);

    const result = zonectl(root, [...args]);

    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, message);
  });
}

test('global options are accepted before and after the command', (t) => {
  const root = tempRoot(t);
  zonectl(root, ['create', 'web']);

  const after = zonectl(root, ['list', '-c', '--json']);
  const before = zonectl(root, ['--json', 'list', '-c']);

  assert.equal(after.stdout, before.stdout);
  assert.equal(JSON.parse(after.stdout)[0].name, 'web');
});

test('--help lists every command in the chosen language', (t) => {
  const root = tempRoot(t);

  const en = zonectl(root, ['--help']);
  const fr = zonectl(root, ['--help', '--lang', 'fr']);

  assert.equal(en.code, 0);
  for (const verb of [
    'list',
    'create',
    'set',
    'info',
    'delete',
    'install',
    'uninstall',
  ]) {
    assert.match(en.stdout, new RegExp(`^  ${verb} `, 'm'));
  }
  assert.notEqual(en.stdout, fr.stdout);
});

test('with --json an error is one JSON object carrying the code', (t) => {
  const root = tempRoot(t);

  const result = zonectl(root, ['info', 'ghost', '--json']);

  assert.equal(result.code, 1);
  const body = JSON.parse(result.stderr);
  assert.equal(body.error.code, 'unknownZone');
  assert.equal(body.error.params.zone, 'ghost');
});

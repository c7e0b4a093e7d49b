import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';

const damages = [
  ['is not JSON', 'garbage{'],
  ['is empty', ''],
  [
    'has a zone with an unknown state',
    '{"version":1,"zones":{"web":{"state":"on fire"}}}',
  ],
  [
    'has a memory cap someone edited into nonsense',
    '{"version":1,"zones":{"web":{"state":"configured","config":' +
      '{"zonepath":"/z/web","brand":"sparse","autoboot":false,"fs":[],"memory-cap":"lots"}}}}',
  ],
  ['has no version', '{"zones":{}}'],
  ['names the global zone', '{"version":1,"zones":{"global":{}}}'],
] as const;

const commands = [
  ['list', '-c'],
  ['info', 'web'],
  ['create', 'other'],
  ['set', 'web', 'cpu-cap=1'],
  ['install', 'web'],
  ['--yes', 'delete', 'web'],
];

for (const [why, content] of damages) {
  test(`an index that ${why} is reported by every command and never overwritten`, (t) => {
    const root = tempRoot(t);
    const file = path.join(root, 'etc/zonectl/zones.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);

    for (const args of commands) {
      const result = zonectl(root, args);

      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.ok(result.stderr.includes(file), result.stderr);
      assert.match(result.stderr, /is damaged .* left untouched/);
      assert.equal(fs.readFileSync(file, 'utf8'), content);
    }
  });
}

test('the damage report is localized and still names the file', (t) => {
  const root = tempRoot(t);
  const file = path.join(root, 'etc/zonectl/zones.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{');

  const result = zonectl(root, ['list', '-c', '--lang', 'de']);

  assert.equal(result.code, 1);
  assert.ok(result.stderr.includes(file));
  assert.match(result.stderr, /beschädigt/);
});

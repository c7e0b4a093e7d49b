import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zonectl } from '../helpers/cli.js';
import { tempRoot } from '../helpers/temp-root.js';

function unknownZone(
  root: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): string {
  return zonectl(root, [...args, 'info', 'ghost'], { env }).stderr;
}

test('the language comes from LC_ALL before LC_MESSAGES before LANG', (t) => {
  const root = tempRoot(t);

  assert.match(
    unknownZone(root, { LANG: 'de_DE.UTF-8' }),
    /Es gibt keine Zone/,
  );
  assert.match(
    unknownZone(root, { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }),
    /Aucune zone/,
  );
  assert.match(
    unknownZone(root, {
      LANG: 'de_DE.UTF-8',
      LC_MESSAGES: 'fr_FR',
      LC_ALL: 'ja_JP.UTF-8',
    }),
    /ゾーン/,
  );
});

test('--lang overrides the environment', (t) => {
  const root = tempRoot(t);

  assert.match(
    unknownZone(root, { LC_ALL: 'ja_JP.UTF-8' }, ['--lang', 'de']),
    /Es gibt keine/,
  );
});

test('an unsupported or C locale falls back to English', (t) => {
  const root = tempRoot(t);

  assert.match(
    unknownZone(root, { LANG: 'pt_BR.UTF-8' }),
    /there is no zone named ghost/,
  );
  assert.match(
    unknownZone(root, { LANG: 'C' }),
    /there is no zone named ghost/,
  );
});

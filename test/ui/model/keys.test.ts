import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  TABLE_BINDINGS,
  decodeKeys,
  tableIntent,
} from '../../../components/model/keys.js';

const names = (input: string, flags = {}) =>
  decodeKeys(input, flags).map((p) => p.name);

test('a chunk of several characters is taken apart key by key', () => {
  assert.deepEqual(names('j\r'), ['j', 'enter']);
  assert.deepEqual(names('hy'), ['h', 'y']);
});

test('control characters are named as the Ctrl keys that send them', () => {
  assert.deepEqual(names('\u001d'), ['ctrl-]']);
  assert.deepEqual(names('\u0015'), ['ctrl-u']);
  assert.deepEqual(names('\t\u007f\u001b'), ['tab', 'backspace', 'escape']);
});

test("Ink's flags name the keys it recognised", () => {
  assert.deepEqual(names('', { upArrow: true }), ['up']);
  assert.deepEqual(names('', { return: true }), ['enter']);
  assert.deepEqual(names('c', { ctrl: true }), ['ctrl-c']);
  assert.deepEqual(names('', { tab: true, shift: true }), ['shift-tab']);
  assert.deepEqual(names('', { meta: true, escape: true }), ['escape']);
});

test('typed text keeps its characters, wide ones included', () => {
  assert.deepEqual(
    decodeKeys('日本 x', {}).map((p) => p.text),
    ['日', '本', ' ', 'x'],
  );
});

test('every transition key asks for its door command', () => {
  const commands = Object.fromEntries(
    ['b', 'h', 'r', 'R', 'm', 'u'].map((key) => {
      const intent = tableIntent({ name: key, text: key });
      return [key, intent?.type === 'door' ? intent.command : undefined];
    }),
  );

  assert.deepEqual(commands, {
    b: 'boot',
    h: 'halt',
    r: 'reboot',
    R: 'ready',
    m: 'mount',
    u: 'unmount',
  });
});

test('no key is bound twice in the table', () => {
  const keys = TABLE_BINDINGS.flatMap((b) => b.keys);

  assert.equal(new Set(keys).size, keys.length);
});

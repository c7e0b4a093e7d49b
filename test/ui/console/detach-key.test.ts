import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  detachByte,
  splitAtDetach,
} from '../../../components/console/detach-key.js';

test('a Ctrl key names the byte it sends', () => {
  assert.equal(detachByte('ctrl-]'), '\u001d');
  assert.equal(detachByte('Ctrl-X'), '\u0018');
  assert.equal(detachByte('ctrl-\\'), '\u001c');
});

test('keys a shell needs, and anything not a Ctrl key, are refused', () => {
  for (const key of [
    'ctrl-c',
    'ctrl-d',
    'ctrl-z',
    'ctrl-m',
    'q',
    'ctrl-',
    'alt-x',
  ]) {
    assert.throws(() => detachByte(key), { code: 'badDetachKey' }, key);
  }
});

test('input is cut at the detach key and the rest of the chunk dropped', () => {
  assert.deepEqual(splitAtDetach('ls\r', '\u001d'), {
    before: 'ls\r',
    detached: false,
  });
  assert.deepEqual(splitAtDetach('ab\u001dcd', '\u001d'), {
    before: 'ab',
    detached: true,
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EscapeFilter,
  parseEscape,
  showEscape,
} from '../../src/cli/console/escape.js';

function typed(filter: EscapeFilter, ...chunks: string[]) {
  let sent = '';
  let detach = false;

  for (const chunk of chunks) {
    const result = filter.filter(Buffer.from(chunk, 'latin1'));
    sent += result.send.toString('latin1');
    detach ||= result.detach;
  }

  return { sent, detach };
}

test('~. at the start of the session detaches and sends nothing', () => {
  assert.deepEqual(typed(new EscapeFilter(0x7e), '~.'), {
    sent: '',
    detach: true,
  });
});

test('~. after a newline detaches; the line before it is sent', () => {
  assert.deepEqual(typed(new EscapeFilter(0x7e), 'ls\r', '~', '.'), {
    sent: 'ls\r',
    detach: true,
  });
});

test('~ in the middle of a line is an ordinary character', () => {
  assert.deepEqual(typed(new EscapeFilter(0x7e), 'cd ~.', '\r'), {
    sent: 'cd ~.\r',
    detach: false,
  });
});

test('~~ at the start of a line sends one ~', () => {
  assert.deepEqual(typed(new EscapeFilter(0x7e), '~~/bin\r'), {
    sent: '~/bin\r',
    detach: false,
  });
});

test('~ followed by another character sends both', () => {
  assert.deepEqual(typed(new EscapeFilter(0x7e), '~x'), {
    sent: '~x',
    detach: false,
  });
});

test('-e changes the escape character, and ~ becomes ordinary', () => {
  const filter = new EscapeFilter(parseEscape('^'));

  assert.deepEqual(typed(filter, '~.\r^.'), { sent: '~.\r', detach: true });
});

test('-E disables escapes entirely', () => {
  assert.deepEqual(typed(new EscapeFilter(null), '~.\r~.'), {
    sent: '~.\r~.',
    detach: false,
  });
});

test('a control escape is written ^X and shown the same way', () => {
  assert.equal(parseEscape('^]'), 0x1d);
  assert.equal(showEscape(0x1d), '^]');
  assert.equal(showEscape(0x7e), '~');
});

test('an escape that is not one character is refused with a clear message', () => {
  assert.throws(() => parseEscape('ab'), { code: 'badEscape' });
  assert.throws(() => parseEscape(''), { code: 'badEscape' });
  assert.throws(() => parseEscape('é'), { code: 'badEscape' });
});

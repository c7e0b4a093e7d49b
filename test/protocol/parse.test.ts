import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseClientMessage,
  parseDaemonMessage,
  parseHandshake,
} from '../../src/protocol/parse.js';

const caller = { uid: 0, pid: 42, user: 'root' };
const boot = {
  v: 1,
  type: 'request',
  seq: 7,
  command: 'boot',
  locale: 'de',
  args: ['-s'],
  caller,
};

function client(value: unknown) {
  return parseClientMessage(Buffer.from(JSON.stringify(value)));
}

test('a well-formed request passes the shared schema', () => {
  assert.deepEqual(client(boot), { ok: true, message: boot });
});

test('status and subscribe need only a sequence number and a locale', () => {
  for (const type of ['status', 'subscribe']) {
    const result = client({ v: 1, type, seq: 1, locale: 'ja' });
    assert.equal(result.ok, true, type);
  }
});

const refused: [string, unknown, string, RegExp][] = [
  [
    'an unknown command',
    { ...boot, command: 'explode' },
    'badMessage',
    /command/,
  ],
  ['an unknown field', { ...boot, extra: 1 }, 'badMessage', /extra/],
  ['a missing caller', { ...boot, caller: undefined }, 'badMessage', /caller/],
  [
    'a locale zonectl does not speak',
    { ...boot, locale: 'xx' },
    'badMessage',
    /locale/,
  ],
  [
    'too many boot arguments',
    { ...boot, args: Array(65).fill('a') },
    'badMessage',
    /args/,
  ],
  [
    'a boot argument too long',
    { ...boot, args: ['a'.repeat(1025)] },
    'badMessage',
    /args/,
  ],
  [
    'a negative pid',
    { ...boot, caller: { ...caller, pid: -1 } },
    'badMessage',
    /pid/,
  ],
  ['another protocol version', { ...boot, v: 2 }, 'badVersion', /^2$/],
  [
    'no version at all',
    { type: 'status', seq: 1, locale: 'en' },
    'badVersion',
    /undefined/,
  ],
  [
    'an unknown type',
    { v: 1, type: 'reboot-now', seq: 1 },
    'badMessage',
    /unknown type/,
  ],
  [
    'a daemon message sent to the daemon',
    { v: 1, type: 'event' },
    'badMessage',
    /unknown type/,
  ],
  ['an array', [1, 2], 'badMessage', /object/],
  ['a number', 12, 'badMessage', /object/],
];

for (const [what, value, code, detail] of refused) {
  test(`a request with ${what} is refused as ${code}`, () => {
    const result = client(value);

    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.problem.code, code);
    assert.match(!result.ok ? result.problem.detail : '', detail);
  });
}

test('an object that is not JSON is a bad frame', () => {
  const result = parseClientMessage(Buffer.from('{"v":1,\u0000}'));

  assert.equal(!result.ok && result.problem.code, 'badFrame');
});

test('bytes that cannot start an object are refused as not a message', () => {
  for (const bytes of [[0xff, 0x00, 0x7b], [], [0x20, 0x5b, 0x5d]]) {
    const result = parseClientMessage(Buffer.from(bytes));

    assert.equal(!result.ok && result.problem.code, 'badMessage');
  }
});

test('a refused frame keeps the sender locale and sequence number for the answer', () => {
  const result = client({ ...boot, command: 'explode' });

  assert.equal(!result.ok && result.problem.locale, 'de');
  assert.equal(!result.ok && result.problem.seq, 7);
});

test('the client checks what the daemon sends with the same schema', () => {
  const reply = {
    v: 1,
    type: 'reply',
    seq: 7,
    ok: true,
    exit: 0,
    messages: ['Zone web läuft bereits.'],
    state: 'running',
  };
  const event = {
    v: 1,
    type: 'event',
    event: {
      zone: 'web',
      event: 'booting',
      from: 'ready',
      to: 'running',
      time: '2024-01-01T00:00:00.000Z',
      by: caller,
    },
  };

  assert.equal(parseDaemonMessage(Buffer.from(JSON.stringify(reply))).ok, true);
  assert.equal(parseDaemonMessage(Buffer.from(JSON.stringify(event))).ok, true);
  assert.equal(
    parseDaemonMessage(Buffer.from(JSON.stringify({ ...reply, exit: 3 }))).ok,
    false,
  );
  assert.equal(
    parseDaemonMessage(
      Buffer.from(
        JSON.stringify({ ...event, event: { ...event.event, to: 'gone' } }),
      ),
    ).ok,
    false,
  );
});

test('a handshake line is checked like any other message', () => {
  const ready = { v: 1, type: 'handshake', status: 'ready', pid: 99 };

  assert.equal(parseHandshake(JSON.stringify(ready)).ok, true);
  assert.equal(
    parseHandshake(JSON.stringify({ ...ready, status: 'maybe' })).ok,
    false,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RingBuffer } from '../../src/platform/holder/ring-buffer.js';
import {
  FRAME_CONTROL,
  FRAME_DATA,
  FrameError,
  FrameReader,
  MAX_CONTROL_BYTES,
  encodeControl,
  encodeFrame,
} from '../../src/platform/protocol/frames.js';
import { asRequest } from '../../src/platform/protocol/messages.js';

test('frames come out whole however the byte stream is cut', () => {
  const stream = Buffer.concat([
    encodeControl({ op: 'state' }),
    encodeFrame(FRAME_DATA, Buffer.from('ls -l\r')),
    encodeFrame(FRAME_DATA, Buffer.alloc(0)),
  ]);

  for (let size = 1; size <= stream.length; size++) {
    const reader = new FrameReader();
    const frames = [];
    for (let at = 0; at < stream.length; at += size) {
      frames.push(...reader.push(stream.subarray(at, at + size)));
    }
    assert.deepEqual(
      frames.map((f) => [f.type, f.payload.toString()]),
      [
        [FRAME_CONTROL, '{"op":"state"}'],
        [FRAME_DATA, 'ls -l\r'],
        [FRAME_DATA, ''],
      ],
      `cut every ${size} bytes`,
    );
  }
});

test('an unknown frame type or an oversized frame is refused before it is read', () => {
  const oversized = Buffer.alloc(5);
  oversized.writeUInt8(FRAME_CONTROL, 0);
  oversized.writeUInt32BE(MAX_CONTROL_BYTES + 1, 1);

  assert.throws(
    () => new FrameReader().push(Buffer.from([9, 0, 0, 0, 0])),
    FrameError,
  );
  assert.throws(() => new FrameReader().push(oversized), FrameError);
});

test('requests with a wrong shape are refused', () => {
  for (const bad of [
    { op: 'reboot' },
    { op: 'resize', cols: 0, rows: 24 },
    { op: 'resize', cols: 80, rows: 1e9 },
    { op: 'boot', init: '/sbin/init', args: 'not a list', cgroupProcs: [] },
    { op: 'ack', generation: 7, seq: 1 },
    { op: 'hello', version: 1, mode: 'spy' },
  ]) {
    assert.throws(() => asRequest(bad), FrameError, JSON.stringify(bad));
  }
  assert.deepEqual(asRequest({ op: 'resize', cols: 80, rows: 24 }), {
    op: 'resize',
    cols: 80,
    rows: 24,
  });
});

test('the console ring keeps the last bytes written, oldest first', () => {
  const ring = new RingBuffer(8);

  ring.push(Buffer.from('abc'));
  assert.equal(ring.contents().toString(), 'abc');
  ring.push(Buffer.from('defgh'));
  assert.equal(ring.contents().toString(), 'abcdefgh');
  ring.push(Buffer.from('ij'));
  assert.equal(ring.contents().toString(), 'cdefghij');
  ring.push(Buffer.from('0123456789'));
  assert.equal(ring.contents().toString(), '23456789');
  ring.push(Buffer.from('x'));
  assert.equal(ring.contents().toString(), '3456789x');
});

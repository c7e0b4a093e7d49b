import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame, FrameDecoder } from '../../src/protocol/frames.js';
import { MAX_FRAME_BYTES } from '../../src/protocol/limits.js';

function bodies(decoder: FrameDecoder, chunks: Buffer[]): unknown[] {
  return chunks
    .flatMap((chunk) => decoder.push(chunk))
    .map((d) =>
      d.kind === 'frame' ? JSON.parse(d.body.toString()) : { tooLarge: d.size },
    );
}

test('a frame split into single bytes comes out whole', () => {
  const frame = encodeFrame({ hello: 'wörld' });
  const bytes = [...frame].map((b) => Buffer.from([b]));

  assert.deepEqual(bodies(new FrameDecoder(), bytes), [{ hello: 'wörld' }]);
});

test('several frames in one chunk come out one by one, in order', () => {
  const chunk = Buffer.concat([1, 2, 3].map((n) => encodeFrame({ n })));

  assert.deepEqual(bodies(new FrameDecoder(), [chunk]), [
    { n: 1 },
    { n: 2 },
    { n: 3 },
  ]);
});

test('a frame announcing more than the cap is refused before its body arrives', () => {
  const decoder = new FrameDecoder();
  const header = Buffer.alloc(4);
  header.writeUInt32BE(MAX_FRAME_BYTES + 1);

  assert.deepEqual(bodies(decoder, [header]), [
    { tooLarge: MAX_FRAME_BYTES + 1 },
  ]);
  assert.equal(decoder.pendingBytes, 0);
  assert.deepEqual(decoder.push(encodeFrame({ after: true })), []);
});

test('a frame of exactly the cap is accepted', () => {
  const text = 'x'.repeat(MAX_FRAME_BYTES - 2);
  const frame = encodeFrame(text);

  assert.equal(frame.length, MAX_FRAME_BYTES + 4);
  assert.deepEqual(bodies(new FrameDecoder(), [frame]), [text]);
});

test('encoding a message larger than the cap throws instead of sending it', () => {
  assert.throws(() => encodeFrame('x'.repeat(MAX_FRAME_BYTES)), RangeError);
});

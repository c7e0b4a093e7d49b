import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Watermarks } from '../../../components/console/flow-control.js';

test('the source pauses above the high mark and resumes below the low one', () => {
  const calls: string[] = [];
  const marks = new Watermarks(
    { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
    100,
    10,
  );

  marks.queued(60);
  marks.queued(60);
  marks.queued(60);
  assert.deepEqual(calls, ['pause'], 'paused once, above 100');

  marks.parsed(100);
  assert.deepEqual(calls, ['pause'], '80 left: still above the low mark');

  marks.parsed(75);
  assert.deepEqual(calls, ['pause', 'resume']);
  assert.equal(marks.pending, 5);
});

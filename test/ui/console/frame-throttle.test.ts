import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  trailingThrottle,
  type Timers,
} from '../../../components/console/frame-throttle.js';

/** A clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;

  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((q) => q.id !== id);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = queue
        .filter((q) => q.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) {
        break;
      }
      queue = queue.filter((q) => q !== due);
      now = due.at;
      due.fn();
    }
    now = until;
  };

  return { timers, advance, pending: () => queue.length };
}

test('a burst of output becomes one frame', () => {
  const clock = manualTimers();
  let frames = 0;
  const throttle = trailingThrottle(() => frames++, 33, clock.timers);

  for (let i = 0; i < 100; i++) {
    throttle.schedule();
  }
  clock.advance(0);

  assert.equal(frames, 1);
});

test('a steady flood is drawn at most once per interval, and its end is drawn', () => {
  const clock = manualTimers();
  let frames = 0;
  const throttle = trailingThrottle(() => frames++, 33, clock.timers);

  // Output every millisecond for one second.
  for (let ms = 0; ms < 1000; ms++) {
    throttle.schedule();
    clock.advance(1);
  }
  const during = frames;
  clock.advance(100);

  assert.ok(during <= 31, `${during} frames in a second`);
  assert.ok(during >= 29, `${during} frames in a second`);
  assert.equal(frames, during + 1, 'the last output got its frame');
});

test('a quiet console schedules nothing', () => {
  const clock = manualTimers();
  const throttle = trailingThrottle(() => {}, 33, clock.timers);

  throttle.schedule();
  clock.advance(1000);

  assert.equal(clock.pending(), 0);
});

test('cancel drops the pending frame', () => {
  const clock = manualTimers();
  let frames = 0;
  const throttle = trailingThrottle(() => frames++, 33, clock.timers);

  throttle.schedule();
  throttle.cancel();
  clock.advance(100);

  assert.equal(frames, 0);
});

/**
 * A trailing throttle for console frames. Any number of `schedule()` calls
 * between two frames produce one frame; a frame follows its last call
 * within one interval, so the final screen of a burst is always drawn; and
 * frames come at most once per interval. A quiet console schedules nothing,
 * so an idle UI never wakes.
 */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// 30 frames a second: Ink's own ceiling, and about what laying out a full
// console pane costs on a small machine (notes/tui.md: 16–18 ms a frame).
export const FRAME_INTERVAL_MS = 1000 / 30;

export interface Throttle {
  schedule(): void;
  /** Drops a pending frame (the console went away). */
  cancel(): void;
}

export function trailingThrottle(
  frame: () => void,
  intervalMs = FRAME_INTERVAL_MS,
  timers: Timers = realTimers,
): Throttle {
  let handle: unknown;
  let last = -Infinity;

  const fire = () => {
    handle = undefined;
    last = timers.now();
    frame();
  };

  return {
    schedule() {
      if (handle !== undefined) {
        return;
      }

      // A zero delay still lets the rest of a burst of chunks arrive first.
      const wait = Math.max(0, last + intervalMs - timers.now());
      handle = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (handle !== undefined) {
        timers.clearTimeout(handle);
        handle = undefined;
      }
    },
  };
}

/**
 * Watermarks between a console's source and the headless terminal that
 * parses it. The terminal parses asynchronously, in slices, so bytes can
 * pile up faster than they are drawn; above the high mark the source is
 * paused, and it resumes once the backlog has drained below the low mark.
 * The keyboard keeps its share of the event loop either way.
 */

// About 2–3 ms of parsing at the measured 45–60 MiB/s: small enough that a
// key typed during a flood is answered within a frame or two, large enough
// that a busy console is rarely paused.
export const HIGH_WATER_BYTES = 128 * 1024;

// Resume with a little backlog left, so the parser never runs dry.
export const LOW_WATER_BYTES = 16 * 1024;

export interface FlowTarget {
  pause(): void;
  resume(): void;
}

export class Watermarks {
  private backlog = 0;
  private paused = false;

  constructor(
    private readonly target: FlowTarget,
    private readonly high = HIGH_WATER_BYTES,
    private readonly low = LOW_WATER_BYTES,
  ) {}

  /** Bytes handed to the parser. */
  queued(bytes: number): void {
    this.backlog += bytes;

    if (!this.paused && this.backlog > this.high) {
      this.paused = true;
      this.target.pause();
    }
  }

  /** Bytes the parser has finished with. */
  parsed(bytes: number): void {
    this.backlog = Math.max(0, this.backlog - bytes);

    if (this.paused && this.backlog < this.low) {
      this.paused = false;
      this.target.resume();
    }
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get pending(): number {
    return this.backlog;
  }
}

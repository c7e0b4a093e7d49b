/**
 * In-process terminal streams for rendering the UI without a pty: a stdout
 * that reports a size and hands each frame to a listener, and a stdin that
 * never types. Used where a benchmark needs the exact moment Ink writes.
 */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';

export class FrameSink extends Writable {
  readonly isTTY = true;
  onFrame: (text: string) => void = () => {};

  constructor(
    readonly columns = 120,
    readonly rows = 40,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.onFrame(chunk.toString());
    done();
  }
}

export class SilentStdin extends EventEmitter {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  read(): null {
    return null;
  }
}

/**
 * One client attached to a zone console. Output to it is queued by the
 * socket; when a client stops reading and its queue passes a bound, live
 * output to it stops and, once it drains, it is sent the whole screen again
 * instead of the backlog it missed. A slow client so never slows the zone
 * or the other clients, and never grows the daemon's memory without bound.
 *
 * `snapshot` must describe exactly the output already passed to `sendData`:
 * the server feeds clients from the screen's parse callbacks to keep it so.
 */
import type net from 'node:net';
import type { TFunction } from '../core/i18n.js';
import {
  Frame,
  encodeData,
  encodeFrame,
  type ConsoleHello,
} from '../protocol/console-wire.js';

// A client that has this much unsent is behind by more than a screenful
// many times over; resending the screen is cheaper than the backlog.
export const CLIENT_QUEUE_BYTES = 1024 * 1024;

export class AttachedClient {
  /** True while the client missed output and waits for a fresh screen. */
  private behind = false;
  private closed = false;

  constructor(
    readonly socket: net.Socket,
    readonly hello: ConsoleHello,
    readonly t: TFunction,
    private readonly snapshot: () => string,
  ) {
    socket.on('drain', () => this.catchUp());
  }

  get readOnly(): boolean {
    return this.hello.readOnly;
  }

  /** How many times this client had to be resynchronized, for tests and logs. */
  resyncs = 0;

  sendScreen(): void {
    this.push(encodeFrame(Frame.Screen, this.snapshot()));
  }

  sendData(chunk: Buffer): void {
    if (this.behind || this.closed) {
      return;
    }

    if (this.socket.writableLength > CLIENT_QUEUE_BYTES) {
      this.behind = true;
      this.resyncs++;
      return;
    }

    for (const frame of encodeData(chunk)) {
      this.push(frame);
    }
  }

  sendNotice(text: string): void {
    this.push(encodeFrame(Frame.Notice, text));
  }

  /** Says why, then closes. */
  bye(reason: string): void {
    if (!this.closed) {
      this.closed = true;
      this.socket.end(encodeFrame(Frame.Bye, reason));
    }
  }

  private catchUp(): void {
    if (this.behind && !this.closed) {
      this.behind = false;
      this.sendScreen();
    }
  }

  private push(frame: Buffer): void {
    if (!this.closed && !this.socket.destroyed) {
      this.socket.write(frame);
    }
  }
}

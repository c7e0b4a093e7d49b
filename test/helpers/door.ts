/**
 * A raw door connection for tests: frames (or any bytes at all) out, and
 * whatever the daemon sends back, decoded but not judged, so a test can see
 * exactly what a malformed frame got.
 */
import net from 'node:net';
import { encodeFrame, FrameDecoder } from '../../src/protocol/frames.js';
import { doorPath } from '../../src/protocol/paths.js';
import { pathsOf } from './daemons.js';

export class RawDoor {
  private readonly decoder = new FrameDecoder(Number.MAX_SAFE_INTEGER);
  private readonly inbox: Record<string, unknown>[] = [];
  private waiting: ((message: Record<string, unknown>) => void) | undefined;
  private ended: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const decoded of this.decoder.push(chunk)) {
        if (decoded.kind === 'frame') {
          this.deliver(JSON.parse(decoded.body.toString()));
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      for (const listener of this.ended.splice(0)) {
        listener();
      }
    });
  }

  static open(root: string, zone: string): Promise<RawDoor> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(doorPath(pathsOf(root), zone));
      socket.once('error', reject);
      socket.once('connect', () => resolve(new RawDoor(socket)));
    });
  }

  send(message: unknown): void {
    this.socket.write(encodeFrame(message));
  }

  sendBytes(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends and resolves once the bytes are in the kernel's hands. */
  sendFlushed(message: unknown): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.write(encodeFrame(message), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  /** The next message from the daemon; rejects if the connection ends. */
  next(): Promise<Record<string, unknown>> {
    const queued = this.inbox.shift();
    if (queued) {
      return Promise.resolve(queued);
    }

    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('the daemon closed the connection'));
        return;
      }
      this.waiting = resolve;
      this.ended.push(() => {
        if (this.waiting === resolve) {
          this.waiting = undefined;
          reject(new Error('the daemon closed the connection'));
        }
      });
    });
  }

  /** Resolves when the daemon has closed the connection. */
  closedByDaemon(): Promise<void> {
    return this.closed
      ? Promise.resolve()
      : new Promise((resolve) => this.ended.push(resolve));
  }

  close(): void {
    this.socket.destroy();
  }

  private deliver(message: Record<string, unknown>): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting(message);
    } else {
      this.inbox.push(message);
    }
  }
}

let seq = 1;

export function request(
  command: string,
  locale = 'en',
  extra: Record<string, unknown> = {},
) {
  return {
    v: 1,
    type: 'request',
    seq: seq++,
    command,
    locale,
    caller: { uid: 0, pid: process.pid, user: 'root' },
    ...extra,
  };
}

export function status(locale = 'en') {
  return { v: 1, type: 'status', seq: seq++, locale };
}

export function subscribe(locale = 'en') {
  return { v: 1, type: 'subscribe', seq: seq++, locale };
}

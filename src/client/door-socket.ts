/**
 * The client's end of one door connection: frames out, checked messages in.
 * A message that fails the shared schema ends the connection with an error,
 * since nothing after it can be trusted.
 */
import net from 'node:net';
import { encodeFrame, FrameDecoder } from '../protocol/frames.js';
import type { ClientMessage, DaemonMessage } from '../protocol/messages.js';
import { parseDaemonMessage } from '../protocol/parse.js';

/** Why a connection ended without the message that was awaited. */
export class DoorClosed extends Error {
  constructor(readonly detail?: string) {
    super(detail ?? 'the daemon closed the connection');
  }
}

export class DoorSocket {
  private readonly decoder = new FrameDecoder();
  private readonly queue: DaemonMessage[] = [];
  private waiter:
    { resolve(m: DaemonMessage): void; reject(e: Error): void } | undefined;
  private closedBy: DoorClosed | undefined;
  private readonly closeListeners: ((error?: DoorClosed) => void)[] = [];
  private listener: ((message: DaemonMessage) => void) | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.closed(new DoorClosed()));
  }

  /** Connects, or rejects with the system error (ENOENT, ECONNREFUSED …). */
  static connect(file: string): Promise<DoorSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(file);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new DoorSocket(socket));
      });
    });
  }

  send(message: ClientMessage): void {
    this.socket.write(encodeFrame(message));
  }

  /** The next message, in order; rejects with DoorClosed if none comes. */
  next(): Promise<DaemonMessage> {
    const queued = this.queue.shift();
    if (queued) {
      return Promise.resolve(queued);
    }
    if (this.closedBy) {
      return Promise.reject(this.closedBy);
    }

    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Hands every further message to `listener` instead of to next(). */
  onMessage(listener: (message: DaemonMessage) => void): void {
    this.listener = listener;
    for (const message of this.queue.splice(0)) {
      listener(message);
    }
  }

  onClose(listener: (error?: DoorClosed) => void): void {
    if (this.closedBy) {
      listener(this.closedBy);
      return;
    }
    this.closeListeners.push(listener);
  }

  close(): void {
    this.socket.destroy();
  }

  /** Lets the process exit while this connection is open. */
  unref(): void {
    this.socket.unref();
  }

  private receive(chunk: Buffer): void {
    for (const decoded of this.decoder.push(chunk)) {
      if (decoded.kind === 'tooLarge') {
        this.fail(`a frame of ${decoded.size} bytes`);
        return;
      }

      const parsed = parseDaemonMessage(decoded.body);
      if (!parsed.ok) {
        this.fail(parsed.problem.detail);
        return;
      }
      this.deliver(parsed.message);
    }
  }

  private deliver(message: DaemonMessage): void {
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve(message);
    } else if (this.listener) {
      this.listener(message);
    } else {
      this.queue.push(message);
    }
  }

  private fail(detail: string): void {
    this.closed(new DoorClosed(detail));
    this.socket.destroy();
  }

  private closed(error: DoorClosed): void {
    if (this.closedBy) {
      return;
    }

    this.closedBy = error;
    this.waiter?.reject(error);
    this.waiter = undefined;
    for (const listener of this.closeListeners.splice(0)) {
      listener(error);
    }
  }
}

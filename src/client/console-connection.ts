/**
 * The client side of a zone console socket: the handshake, then frames.
 * Zone bytes and notices arrive through separate listeners, so a caller can
 * draw notices apart from what the zone printed.
 */
import net from 'node:net';
import { errors } from '../core/errors/console.js';
import {
  CONSOLE_WIRE_VERSION,
  Frame,
  FrameReader,
  encodeFrame,
  encodeResize,
} from '../protocol/console-wire.js';
import type { ConsoleOptions, ConsoleSession } from './types.js';

// The server answers the hello at once; a silent one is not a console.
const HELLO_TIMEOUT_MS = 5000;

class SocketConsole implements ConsoleSession {
  private readonly reader = new FrameReader();
  private readonly data: ((chunk: Buffer) => void)[] = [];
  private readonly notices: ((text: string) => void)[] = [];
  private readonly closes: ((reason?: string) => void)[] = [];
  private byeReason: string | undefined;
  /** Paused by the caller, who alone may resume. */
  private held = false;

  constructor(
    private readonly socket: net.Socket,
    rest: Buffer,
  ) {
    socket.on('close', () => {
      for (const listener of this.closes) {
        listener(this.byeReason);
      }
    });
    socket.on('error', () => socket.destroy());

    // The caller adds its listeners once it has the session, a turn from
    // now. Until then the socket stays paused, so that what came with the
    // server's OK is taken in first and nothing arriving meanwhile is
    // lost or read ahead of it (a large screen comes in several reads).
    socket.pause();
    setImmediate(() => {
      if (rest.length > 0) {
        this.onChunk(rest);
      }
      socket.on('data', (chunk: Buffer) => this.onChunk(chunk));
      if (!this.held) {
        socket.resume();
      }
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.data.push(listener);
  }

  onNotice(listener: (text: string) => void): void {
    this.notices.push(listener);
  }

  onClose(listener: (reason?: string) => void): void {
    this.closes.push(listener);
  }

  write(data: Buffer | string): void {
    this.socket.write(encodeFrame(Frame.Input, data));
  }

  resize(cols: number, rows: number): void {
    this.socket.write(encodeResize(cols, rows));
  }

  close(): void {
    this.socket.end();
  }

  // Holding the socket back fills the server's queue for this client,
  // which the server answers by resyncing it later: the zone never waits.
  pause(): void {
    this.held = true;
    this.socket.pause();
  }

  resume(): void {
    this.held = false;
    this.socket.resume();
  }

  private onChunk(chunk: Buffer): void {
    let frames;
    try {
      frames = this.reader.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }

    for (const { type, payload } of frames) {
      if (type === Frame.Data) {
        this.data.forEach((l) => l(payload));
      } else if (type === Frame.Screen) {
        // A fresh screen replaces whatever the client showed before.
        const redraw = Buffer.concat([
          Buffer.from('\x1b[H\x1b[2J\x1b[3J'),
          payload,
        ]);
        this.data.forEach((l) => l(redraw));
      } else if (type === Frame.Notice) {
        const text = payload.toString('utf8');
        this.notices.forEach((l) => l(text));
      } else if (type === Frame.Bye) {
        this.byeReason = payload.toString('utf8');
      }
    }
  }
}

/** Connects to a console socket and completes the handshake. */
export function connectConsole(
  socketPath: string,
  zone: string,
  options: ConsoleOptions,
): Promise<ConsoleSession> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(errors.unreachable(zone, new Error('no answer')));
    }, HELLO_TIMEOUT_MS);

    const fail = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      reject(errors.unreachable(zone, error));
    };

    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(0x0a);
      if (end < 0) {
        return;
      }

      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', fail);
      const answer = received.subarray(0, end).toString('utf8');

      if (answer !== 'OK') {
        socket.destroy();
        reject(errors.refused(zone, answer.replace(/^ERR /, '')));
        return;
      }
      resolve(new SocketConsole(socket, received.subarray(end + 1)));
    };

    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('connect', () => {
      const hello = {
        v: CONSOLE_WIRE_VERSION,
        locale: options.locale,
        readOnly: options.readOnly ?? false,
        detachOnHalt: options.detachOnHalt ?? false,
        ...(options.cols && options.rows
          ? { cols: options.cols, rows: options.rows }
          : {}),
      };
      socket.write(`${JSON.stringify(hello)}\n`);
    });
  });
}

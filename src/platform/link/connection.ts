import net from 'node:net';
import {
  FRAME_BACKLOG,
  FRAME_CONTROL,
  FRAME_DATA,
  FrameReader,
  encodeControl,
  encodeFrame,
  parseControl,
} from '../protocol/frames.js';
import {
  PROTOCOL_VERSION,
  asReply,
  type HolderState,
  type LinkMode,
  type Reply,
  type Request,
} from '../protocol/messages.js';

// A holder answers hello at once; one that does not within this time is
// hung, and probe treats it as dead rather than waiting forever.
export const HOLDER_HELLO_TIMEOUT_MS = 3_000;

export interface ConnectionEvents {
  control(reply: Reply): void;
  data(chunk: Buffer): void;
  backlog(bytes: Buffer): void;
  close(): void;
}

/**
 * One connection to a holder, after its hello: frames in, frames out. The
 * caller decides what to make of them.
 */
export class Connection {
  private constructor(
    private readonly socket: net.Socket,
    readonly state: HolderState,
  ) {}

  /** Connects, says hello, and resolves with the holder's state. */
  static open(
    socketPath: string,
    mode: LinkMode,
    events: Partial<ConnectionEvents>,
  ): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(socketPath);
      const reader = new FrameReader();
      let connection: Connection | undefined;

      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no hello within ${HOLDER_HELLO_TIMEOUT_MS} ms`));
      }, HOLDER_HELLO_TIMEOUT_MS);

      socket.on('connect', () => {
        socket.write(
          encodeControl({ op: 'hello', version: PROTOCOL_VERSION, mode }),
        );
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        reject(new Error('the holder closed the connection'));
        events.close?.();
      });
      socket.on('data', (chunk: Buffer) => {
        let frames;
        try {
          frames = reader.push(chunk);
        } catch (error) {
          socket.destroy(error as Error);
          return;
        }

        for (const frame of frames) {
          if (frame.type === FRAME_DATA) {
            events.data?.(frame.payload);
          } else if (frame.type === FRAME_BACKLOG) {
            events.backlog?.(frame.payload);
          } else if (frame.type === FRAME_CONTROL) {
            const reply = asReply(parseControl(frame.payload));
            if (!connection && reply.op === 'hello') {
              clearTimeout(timer);
              connection = new Connection(socket, reply.state);
              resolve(connection);
            } else if (!connection && reply.op === 'failed') {
              clearTimeout(timer);
              reject(new Error(reply.error.code));
            } else {
              events.control?.(reply);
            }
          }
        }
      });
    });
  }

  send(request: Request): void {
    this.socket.write(encodeControl(request));
  }

  sendData(data: Buffer): void {
    this.socket.write(encodeFrame(FRAME_DATA, data));
  }

  close(): void {
    this.socket.end();
  }

  /** Resolves when the holder has closed its end (on halt, when it exits). */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.closed) {
        resolve();
      } else {
        this.socket.once('close', () => resolve());
      }
    });
  }
}

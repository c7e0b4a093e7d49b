import fs from 'node:fs';
import net from 'node:net';
import { isZoneError } from '../../core/errors/zone-error.js';
import type { Logger } from '../../core/logger.js';
import {
  FRAME_BACKLOG,
  FRAME_CONTROL,
  FRAME_DATA,
  FrameError,
  FrameReader,
  encodeControl,
  encodeFrame,
  parseControl,
} from '../protocol/frames.js';
import {
  PROTOCOL_VERSION,
  asRequest,
  type HolderState,
  type LinkMode,
  type RemoteError,
  type Reply,
  type Request,
} from '../protocol/messages.js';
import type { Upcall } from '../types.js';
import type { Console } from './console.js';

// Console output queued for one slow client before the holder stops
// reading the pty: the zone then waits, as on a serial line with flow
// control, instead of the holder buffering without bound.
export const LINK_QUEUE_LIMIT_BYTES = 256 * 1024;

/** What the server asks of the rest of the holder. */
export interface HolderActions {
  state(): HolderState;
  boot(request: Extract<Request, { op: 'boot' }>): Promise<HolderState>;
  /** Ends the zone's processes; the holder exits after the reply. */
  halt(): Promise<void>;
  acknowledge(generation: string): void;
}

interface Link {
  readonly socket: net.Socket;
  mode: LinkMode | undefined;
  paused: boolean;
  congested: boolean;
}

/**
 * The holder's socket: requests from the platform, and the console for
 * clients that ask for it. Nothing a client sends can crash the holder; a
 * malformed frame gets an error reply and the connection ends.
 */
export class HolderServer {
  private readonly server: net.Server;
  private readonly links = new Set<Link>();

  constructor(
    private readonly zone: string,
    private readonly socketPath: string,
    private readonly console: Console,
    private readonly actions: HolderActions,
    private readonly logger: Logger,
    private readonly onHalted: () => void,
  ) {
    this.server = net.createServer((socket) => this.accept(socket));
    console.onData((chunk) => this.broadcast(chunk));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.socketPath, () => {
        fs.chmodSync(this.socketPath, 0o600);
        resolve();
      });
    });
  }

  /** Tells every console client that the zone asked to halt or reboot. */
  upcall(upcall: Upcall): void {
    for (const link of this.links) {
      if (link.mode === 'console') {
        void send(link, { op: 'upcall', upcall });
      }
    }
  }

  /** Stops listening; connections end when the holder exits. */
  close(): void {
    this.server.close();
    try {
      fs.unlinkSync(this.socketPath);
    } catch {
      // Already removed.
    }
  }

  private accept(socket: net.Socket): void {
    const link: Link = {
      socket,
      mode: undefined,
      paused: false,
      congested: false,
    };
    const reader = new FrameReader();

    this.links.add(link);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const frame of reader.push(chunk)) {
          this.receive(link, frame.type, frame.payload);
        }
      } catch (error) {
        this.reject(link, error);
      }
    });
    socket.on('drain', () => {
      link.congested = false;
      this.updateFlow();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.links.delete(link);
      this.updateFlow();
    });
  }

  private receive(link: Link, type: number, payload: Buffer): void {
    if (type === FRAME_DATA && link.mode === 'console') {
      this.console.write(payload);
      return;
    }
    if (type !== FRAME_CONTROL) {
      throw new FrameError(`unexpected frame type ${type}`);
    }

    const request = asRequest(parseControl(payload));
    if (link.mode === undefined && request.op !== 'hello') {
      throw new FrameError('the first message must be hello');
    }
    if (request.op === 'hello' && request.version !== PROTOCOL_VERSION) {
      throw new FrameError(
        `protocol version ${request.version} is not ${PROTOCOL_VERSION}`,
      );
    }
    void this.handle(link, request);
  }

  private async handle(link: Link, request: Request): Promise<void> {
    try {
      switch (request.op) {
        case 'hello':
          return this.hello(link, request.mode);
        case 'state':
          return send(link, { op: 'state', state: this.actions.state() });
        case 'boot':
          return send(link, {
            op: 'booted',
            state: await this.actions.boot(request),
          });
        case 'halt':
          await this.actions.halt();
          // Handed to the kernel before the holder exits, so the client
          // reads the reply, then the end of the connection: the holder
          // is gone when its client sees the socket close.
          await send(link, { op: 'halted' });
          return this.onHalted();
        case 'resize':
          return this.console.resize(request.cols, request.rows);
        case 'pause':
        case 'resume':
          link.paused = request.op === 'pause';
          return this.updateFlow();
        case 'ack':
          this.actions.acknowledge(request.generation);
          return send(link, { op: 'acked', seq: request.seq });
      }
    } catch (error) {
      this.logger.warn('request failed', { op: request.op, error });
      void send(link, { op: 'failed', error: this.remote(error) });
    }
  }

  private hello(link: Link, mode: LinkMode): void {
    link.mode = mode;
    void send(link, {
      op: 'hello',
      version: PROTOCOL_VERSION,
      state: this.actions.state(),
    });

    // The backlog and every later byte go out in order on this socket, so a
    // client sees each byte exactly once.
    if (mode === 'console') {
      link.socket.write(
        encodeFrame(FRAME_BACKLOG, this.console.backlog.contents()),
      );
    }
  }

  private broadcast(chunk: Buffer): void {
    const frame = encodeFrame(FRAME_DATA, chunk);

    for (const link of this.links) {
      if (link.mode === 'console') {
        link.socket.write(frame);
        if (link.socket.writableLength > LINK_QUEUE_LIMIT_BYTES) {
          link.congested = true;
        }
      }
    }
    this.updateFlow();
  }

  private updateFlow(): void {
    const stop = [...this.links].some((l) => l.paused || l.congested);

    this.console.setPaused(stop);
  }

  // A failure as the client rebuilds it: ZoneErrors keep their key.
  private remote(error: unknown): RemoteError {
    if (isZoneError(error)) {
      return { code: error.code, params: error.params };
    }

    const reason = error instanceof Error ? error.message : String(error);
    return { code: 'holderRefused', params: { zone: this.zone, reason } };
  }

  private reject(link: Link, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);

    this.logger.warn('malformed message', { detail });
    void send(link, {
      op: 'failed',
      error: { code: 'badFrame', params: { reason: detail } },
    });
    link.socket.end();
    link.socket.removeAllListeners('data');
  }
}

function send(link: Link, reply: Reply): Promise<void> {
  return new Promise((resolve) => {
    if (link.socket.destroyed) {
      resolve();
    } else {
      link.socket.write(encodeControl(reply), () => resolve());
    }
  });
}

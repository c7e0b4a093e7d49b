/**
 * zoneadmd's console server: a Unix socket beside the door where several
 * clients attach to the zone's console at once, read-write or read-only.
 * Output comes from the holder (`ConsoleSource`), passes through the
 * headless screen, and is fanned out from the screen's parse callbacks, so
 * that a newcomer's screen snapshot and the live stream never overlap.
 */
import fs from 'node:fs';
import net from 'node:net';
import { bindSocketFile } from '../core/socket-file.js';
import { isLanguage } from '../core/language.js';
import type { Logger } from '../core/logger.js';
import type { Messages } from '../core/i18n.js';
import type { ZoneEventName } from '../protocol/commands.js';
import {
  Frame,
  FrameReader,
  MAX_HELLO_BYTES,
  MAX_SCREEN_BYTES,
  decodeResize,
  parseHello,
} from '../protocol/console-wire.js';
import { AttachedClient } from './attached-client.js';
import { DETACHING_EVENTS, noticeKey } from './notices.js';
import { ConsoleScreen } from './screen.js';

/** What feeds the console: the holder's side of the zone's pty. */
export interface ConsoleSource {
  onData(listener: (chunk: Buffer) => void): void;
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
}

// Unparsed output above which the pty is paused, and below which it is
// resumed: a flood is parsed in bounded steps and keystrokes still get in.
export const SCREEN_HIGH_WATER_BYTES = 512 * 1024;
export const SCREEN_LOW_WATER_BYTES = 64 * 1024;

// How long clients get to read their goodbye before they are cut off.
export const CLOSE_GRACE_MS = 1000;

// Attached clients at most; each costs a socket and up to a bounded queue.
export const MAX_CLIENTS = 64;

export interface ConsoleServerOptions {
  socketPath: string;
  zone: string;
  messages: Messages;
  logger: Logger;
}

export class ConsoleServer {
  private readonly server: net.Server;
  private readonly clients = new Set<AttachedClient>();
  private readonly sockets = new Set<net.Socket>();
  private readonly screen = new ConsoleScreen();
  private source: ConsoleSource | undefined;
  private paused = false;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly options: ConsoleServerOptions) {
    this.server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      this.accept(socket);
    });
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Called whenever a client attaches or leaves. */
  onClientsChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async listen(): Promise<void> {
    await bindSocketFile(this.server, this.options.socketPath);
  }

  /**
   * Connects the console to the zone's pty. `backlog` is what the holder
   * kept; replaying it rebuilds the screen after a daemon restart.
   */
  attachSource(source: ConsoleSource, backlog: Buffer): void {
    this.source = source;
    this.paused = false;
    this.screen.reset();

    if (backlog.length > 0) {
      this.screen.write(backlog, () => this.broadcastScreen());
    }
    source.onData((chunk) => {
      if (this.source === source) {
        this.feed(chunk);
      }
    });
  }

  /** The zone's pty is gone (halt); clients stay for the next boot. */
  detachSource(): void {
    this.source = undefined;
  }

  /** Tells every client, in its own language, what happened to the zone. */
  notify(event: ZoneEventName): void {
    for (const client of this.clients) {
      client.sendNotice(
        client.t(noticeKey(event), { zone: this.options.zone }),
      );

      if (client.hello.detachOnHalt && DETACHING_EVENTS.includes(event)) {
        client.bye(client.t('console:bye.halted', { zone: this.options.zone }));
      }
    }
  }

  async close(reason = 'shutdown'): Promise<void> {
    for (const client of this.clients) {
      client.bye(
        client.t(`console:bye.${reason}`, { zone: this.options.zone }),
      );
    }

    // A client that does not read its goodbye must not keep us open.
    const closed = new Promise<void>((resolve) =>
      this.server.close(() => resolve()),
    );
    const timer = setTimeout(
      () => this.sockets.forEach((s) => s.destroy()),
      CLOSE_GRACE_MS,
    );
    await closed;
    clearTimeout(timer);
    fs.rmSync(this.options.socketPath, { force: true });
    this.screen.dispose();
  }

  private feed(chunk: Buffer): void {
    this.screen.write(chunk, () => {
      for (const client of this.clients) {
        client.sendData(chunk);
      }
      this.flowControl();
    });
    this.flowControl();
  }

  // Pauses the pty while the screen is behind, so a flood is taken in
  // bounded steps and the keyboard is never starved.
  private flowControl(): void {
    const pending = this.screen.pendingBytes;

    if (!this.paused && pending > SCREEN_HIGH_WATER_BYTES) {
      this.paused = true;
      this.source?.pause();
    } else if (this.paused && pending < SCREEN_LOW_WATER_BYTES) {
      this.paused = false;
      this.source?.resume();
    }
  }

  private broadcastScreen(): void {
    for (const client of this.clients) {
      client.sendScreen();
    }
  }

  // The hello is one line; whatever follows it in the same read is frames.
  private accept(socket: net.Socket): void {
    let received = Buffer.alloc(0);
    const onHello = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(0x0a);

      if (end < 0 && received.length <= MAX_HELLO_BYTES) {
        return;
      }
      socket.off('data', onHello);

      const line = received.subarray(0, end < 0 ? MAX_HELLO_BYTES : end);
      const rest = end < 0 ? Buffer.alloc(0) : received.subarray(end + 1);
      this.handshake(socket, line.toString('utf8'), rest);
    };

    socket.on('data', onHello);
    socket.on('error', () => socket.destroy());
  }

  private handshake(socket: net.Socket, line: string, rest: Buffer): void {
    const hello = parseHello(line, isLanguage);
    const t = this.options.messages.fixed(hello?.locale ?? 'en');

    if (!hello) {
      socket.end(`ERR ${t('console:errors.badHello')}\n`);
      return;
    }
    if (this.clients.size >= MAX_CLIENTS) {
      socket.end(
        `ERR ${t('console:errors.tooManyClients', { max: MAX_CLIENTS })}\n`,
      );
      return;
    }

    const client = new AttachedClient(socket, hello, t, () =>
      this.screen.snapshotWithin(MAX_SCREEN_BYTES),
    );
    socket.write('OK\n');
    this.clients.add(client);
    this.options.logger.info('console client attached', {
      zone: this.options.zone,
      readOnly: hello.readOnly,
      clients: this.clients.size,
    });

    if (!hello.readOnly && hello.cols && hello.rows) {
      this.resize(hello.cols, hello.rows);
    }
    client.sendScreen();
    this.serve(client, rest);
    this.changed();
  }

  private serve(client: AttachedClient, rest: Buffer): void {
    const reader = new FrameReader();
    const onChunk = (chunk: Buffer) => {
      try {
        for (const frame of reader.push(chunk)) {
          this.onFrame(client, frame.type, frame.payload);
        }
      } catch {
        client.bye(client.t('console:errors.badFrame'));
      }
    };

    client.socket.on('data', onChunk);
    client.socket.on('close', () => {
      this.clients.delete(client);
      this.options.logger.info('console client detached', {
        zone: this.options.zone,
        clients: this.clients.size,
      });
      this.changed();
    });
    if (rest.length > 0) {
      onChunk(rest);
    }
  }

  private onFrame(client: AttachedClient, type: number, payload: Buffer): void {
    if (client.readOnly) {
      return;
    }

    if (type === Frame.Input) {
      this.source?.write(payload);
    } else if (type === Frame.Resize) {
      const size = decodeResize(payload);
      if (size) {
        this.resize(size.cols, size.rows);
      }
    } else {
      client.bye(client.t('console:errors.badFrame'));
    }
  }

  // The window follows the client that last attached or resized.
  private resize(cols: number, rows: number): void {
    this.screen.resize(cols, rows);
    this.source?.resize(cols, rows);
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}

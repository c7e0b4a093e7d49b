import fs from 'node:fs';
import { createRequire } from 'node:module';
import tty from 'node:tty';
import type { Logger } from '../../core/logger.js';
import { RotatingLog } from '../../core/rotating-log.js';
import { RingBuffer } from './ring-buffer.js';

// About 40 screens of 80x50 plain text: enough for a new zoneadmd to rebuild
// the screen and the scrollback an operator expects, small beside the
// holder's own memory.
export const CONSOLE_BACKLOG_BYTES = 128 * 1024;

// The size a console has until a client says otherwise.
const DEFAULT_COLS = 80;
const DEFAULT_ROWS = 24;

interface NativePty {
  open(
    cols: number,
    rows: number,
  ): { master: number; slave: number; pty: string };
  resize(fd: number, cols: number, rows: number): void;
}

// node-pty's JavaScript side spawns a process with every pty; the zone's
// console must exist before its init does, so the holder opens the pair
// through node-pty's native part directly.
function nativePty(): NativePty {
  const require = createRequire(import.meta.url);
  const utils = require('node-pty/lib/utils') as {
    loadNativeModule(name: string): { module: NativePty };
  };

  return utils.loadNativeModule('pty').module;
}

/**
 * The zone's console: a pty whose master the holder keeps from ready to
 * halt, across boots. The holder also keeps a slave descriptor open, so
 * that the master reads nothing rather than an error while no process of
 * the zone has the console open.
 */
export class Console {
  readonly path: string;
  readonly backlog = new RingBuffer(CONSOLE_BACKLOG_BYTES);
  private readonly native: NativePty;
  private readonly master: number;
  private readonly slave: number;
  private readonly stream: tty.ReadStream;
  private readonly listeners = new Set<(chunk: Buffer) => void>();
  private readonly log: RotatingLog;
  private logBroken = false;

  constructor(
    logFile: string,
    private readonly logger: Logger,
  ) {
    this.log = new RotatingLog(logFile);
    this.native = nativePty();
    const pair = this.native.open(DEFAULT_COLS, DEFAULT_ROWS);
    this.master = pair.master;
    this.slave = pair.slave;
    this.path = pair.pty;

    // A tty stream reads and, with writable set, writes through libuv,
    // which waits for the kernel instead of spinning on EAGAIN.
    this.stream = new tty.ReadStream(this.master, { writable: true } as never);
    this.stream.on('data', (chunk: Buffer) => {
      this.backlog.push(chunk);
      this.record(chunk);
      for (const listener of this.listeners) {
        listener(chunk);
      }
    });
    // EIO cannot happen while the slave is held; anything else ends reads.
    this.stream.on('error', () => {});
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  // The holder writes the log, not the daemon: output that comes while no
  // daemon is alive is logged too. A full disk costs the log, never the zone.
  private record(chunk: Buffer): void {
    if (this.logBroken) {
      return;
    }

    try {
      this.log.append(chunk);
    } catch (error) {
      this.logBroken = true;
      this.logger.warn('console log stopped', { error });
    }
  }

  write(data: Buffer): void {
    this.stream.write(data);
  }

  resize(cols: number, rows: number): void {
    this.native.resize(this.master, cols, rows);
  }

  /** Flow control: the zone's writes block once the pty buffer fills. */
  setPaused(paused: boolean): void {
    if (paused) {
      this.stream.pause();
    } else {
      this.stream.resume();
    }
  }

  close(): void {
    this.stream.destroy();
    this.log.close();
    try {
      fs.closeSync(this.slave);
    } catch {
      // Already closed.
    }
  }
}

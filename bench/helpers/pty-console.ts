/**
 * A console session backed by a real pty running a shell on this host.
 * The UI benchmarks use it where the zone daemon's console is not needed:
 * what they measure is the UI's side (parsing, drawing, the keyboard), and
 * a pty delivers bytes the way a zone's console does.
 */
import pty from 'node-pty';
import type { ConsoleOptions, ConsoleSession } from '../../src/client/types.js';

export class PtyConsole implements ConsoleSession {
  readonly term: pty.IPty;
  private closed = false;

  constructor(options: ConsoleOptions, command = '/bin/bash') {
    this.term = pty.spawn(command, ['--norc', '--noprofile', '-i'], {
      name: 'xterm-256color',
      cols: options.cols ?? 80,
      rows: options.rows ?? 24,
      env: { ...process.env, PS1: 'zone# ', TERM: 'xterm-256color' } as Record<
        string,
        string
      >,
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.term.onData((data) => listener(Buffer.from(data, 'utf8')));
  }

  onNotice(): void {
    // A bare shell has no daemon to send notices.
  }

  onClose(listener: (reason?: string) => void): void {
    this.term.onExit(() => {
      if (!this.closed) {
        listener();
      }
    });
  }

  write(data: Buffer | string): void {
    this.term.write(data.toString());
  }

  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
  }

  pause(): void {
    this.term.pause();
  }

  resume(): void {
    this.term.resume();
  }

  close(): void {
    this.closed = true;
    try {
      this.term.kill();
    } catch {
      // Already gone.
    }
  }
}

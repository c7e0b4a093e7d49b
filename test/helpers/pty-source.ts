import pty from 'node-pty';
import type { ConsoleSource } from '../../src/console/console-server.js';

/**
 * A real shell on a real pty, standing in for a zone's holder where a test
 * exercises the console server alone.
 */
export class PtySource implements ConsoleSource {
  readonly term: pty.IPty;

  constructor(
    command = '/bin/bash',
    args: string[] = ['--norc', '--noprofile', '-i'],
  ) {
    this.term = pty.spawn(command, args, {
      name: 'xterm-256color',
      cols: 80,
      rows: 24,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        PS1: '$ ',
        TERM: 'xterm-256color',
      },
    });
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.term.onData((data) => listener(Buffer.from(data, 'utf8')));
  }

  write(data: Buffer | string): void {
    this.term.write(typeof data === 'string' ? data : data.toString('utf8'));
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

  kill(): void {
    try {
      this.term.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

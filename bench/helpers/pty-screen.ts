/**
 * A program on a real pty, with its screen kept in a headless terminal, so
 * a benchmark can tell the moment something appears on screen: each check
 * runs as soon as the output that could satisfy it has been parsed.
 */
import fs from 'node:fs';
import pty from 'node-pty';
import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

export interface ScreenOptions {
  cols?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
}

export class PtyScreen {
  readonly proc: pty.IPty;
  readonly term: InstanceType<typeof Terminal>;
  bytes = 0;
  private waiters: {
    check: (text: string) => boolean;
    done: (at: number) => void;
  }[] = [];

  constructor(command: string, args: string[], options: ScreenOptions = {}) {
    const cols = options.cols ?? 120;
    const rows = options.rows ?? 40;

    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    this.proc = pty.spawn(command, args, {
      name: 'xterm-256color',
      cols,
      rows,
      env: {
        ...process.env,
        LANG: 'C.UTF-8',
        LC_ALL: '',
        ...options.env,
      } as Record<string, string>,
    });
    this.proc.onData((data) => {
      this.bytes += Buffer.byteLength(data);
      this.term.write(data, () => this.check());
    });
  }

  /** The visible screen as plain text, one line per row. */
  text(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];

    for (let y = 0; y < this.term.rows; y++) {
      lines.push(
        buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
      );
    }

    return lines.join('\n');
  }

  /** Resolves with performance.now() when the screen first satisfies `check`. */
  until(check: (text: string) => boolean, timeoutMs = 60_000): Promise<number> {
    if (check(this.text())) {
      return Promise.resolve(performance.now());
    }

    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`screen never matched:\n${this.text()}`)),
        timeoutMs,
      );
      this.waiters.push({
        check,
        done: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  }

  write(data: string): void {
    this.proc.write(data);
  }

  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number {
    const stat = fs.readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);

    return ticks / CLOCK_TICKS_PER_SECOND;
  }

  kill(): void {
    try {
      this.proc.kill();
    } catch {
      // Already gone.
    }
    this.term.dispose();
  }

  private check(): void {
    const text = this.text();
    const now = performance.now();

    this.waiters = this.waiters.filter((w) => {
      if (w.check(text)) {
        w.done(now);
        return false;
      }
      return true;
    });
  }
}

// USER_HZ on Linux; the kernel reports CPU times in these ticks.
const CLOCK_TICKS_PER_SECOND = 100;

export function stats(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

  return {
    n: sorted.length,
    median: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

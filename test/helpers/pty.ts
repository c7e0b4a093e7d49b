import pty from 'node-pty';
import { ZONECTL } from './cli.js';

/** zonectl on a real terminal, for prompts and raw mode. */
export class PtySession {
  readonly term: pty.IPty;
  output = '';
  /** Set once the process has ended. */
  ended = false;
  private exited: Promise<number>;

  constructor(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    this.term = pty.spawn(process.execPath, [ZONECTL, ...args], {
      name: 'xterm-256color',
      cols: 120,
      rows: 30,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env } as Record<
        string,
        string
      >,
    });
    this.term.onData((data) => (this.output += data));
    this.exited = new Promise((resolve) =>
      this.term.onExit((e) => {
        this.ended = true;
        resolve(e.exitCode);
      }),
    );
  }

  /** Resolves once the output matches `pattern`; rejects when the process ends first. */
  async expect(pattern: RegExp): Promise<void> {
    while (!pattern.test(this.output)) {
      const ended = await Promise.race([
        this.exited.then(() => true),
        new Promise<false>((resolve) => this.term.onData(() => resolve(false))),
      ]);
      if (ended && !pattern.test(this.output)) {
        throw new Error(
          `ended before ${pattern}: ${JSON.stringify(this.output)}`,
        );
      }
    }
  }

  write(data: string): void {
    this.term.write(data);
  }

  wait(): Promise<number> {
    return this.exited;
  }

  kill(): void {
    try {
      this.term.kill();
    } catch {
      // Already gone.
    }
  }
}

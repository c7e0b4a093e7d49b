import pty from 'node-pty';
import { ZONECTL } from './cli.js';

// How long a test waits for the terminal to show something before it fails
// with what it saw. A guard against hanging, not a timing assertion.
const EXPECT_WAIT_MS = 20_000;

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

  /**
   * Resolves once the output matches `pattern`; rejects when the process
   * ends first, or after a long wait, with what it showed meanwhile.
   */
  async expect(pattern: RegExp, waitMs = EXPECT_WAIT_MS): Promise<void> {
    const deadline = Date.now() + waitMs;

    while (!pattern.test(this.output)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`never showed ${pattern}: ${this.shown()}`);
      }

      let timer: NodeJS.Timeout | undefined;
      let data: pty.IDisposable | undefined;
      const ended = await Promise.race([
        this.exited.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), left);
          data = this.term.onData(() => resolve(false));
        }),
      ]);
      clearTimeout(timer);
      data?.dispose();
      if (ended && !pattern.test(this.output)) {
        throw new Error(`ended before ${pattern}: ${this.shown()}`);
      }
    }
  }

  private shown(): string {
    return JSON.stringify(this.output.slice(-2000));
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

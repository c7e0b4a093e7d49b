/**
 * A real terminal for end-to-end tests: a private tmux server with one
 * pane running a shell, driven with send-keys and read with capture-pane.
 * The server is killed when the test ends, whatever happened.
 */
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

let servers = 0;

// Boots and installs on a busy machine take seconds; a passing check
// returns as soon as the screen shows what it waits for.
const WAIT_MS = 60_000;
const POLL_MS = 50;

export class Tmux {
  readonly socket = `zonectl-e2e-${process.pid}-${++servers}`;

  constructor(t: TestContext, cols = 100, rows = 30) {
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'ui',
      '-x',
      String(cols),
      '-y',
      String(rows),
      'env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=tmux-256color ' +
        'LANG=C.UTF-8 PS1="shell$ " bash --norc --noprofile',
    );
    t.after(() => this.kill());
  }

  /** Ends the terminal and everything in it (the UI gets SIGHUP). */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  /** Keys by tmux name (`Enter`, `C-]`, `Escape`) or single characters. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'ui', ...keys);
  }

  /** Text typed as it is, character by character. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'ui', '-l', text);
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'ui');
  }

  /** The screen with its colour escapes. */
  styled(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', 'ui');
  }

  /** True while the program in the pane is on the alternate screen. */
  alternate(): boolean {
    return (
      this.tmux('display', '-p', '-t', 'ui', '#{alternate_on}').trim() === '1'
    );
  }

  /** The pid of the process in the foreground of the pane's shell. */
  shellPid(): number {
    return Number(this.tmux('display', '-p', '-t', 'ui', '#{pane_pid}').trim());
  }

  resize(cols: number, rows: number): void {
    this.tmux(
      'resize-window',
      '-t',
      'ui',
      '-x',
      String(cols),
      '-y',
      String(rows),
    );
  }

  /** Waits until `check` holds for the screen, or fails showing the screen. */
  async until(
    check: RegExp | ((screen: string) => boolean),
    what = String(check),
  ): Promise<string> {
    const test =
      typeof check === 'function' ? check : (s: string) => check.test(s);
    const deadline = Date.now() + WAIT_MS;

    for (;;) {
      const screen = this.screen();
      if (test(screen)) {
        return screen;
      }
      if (Date.now() > deadline) {
        throw new Error(`the terminal never showed ${what}:\n${screen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private tmux(...args: string[]): string {
    const result = spawnSync(
      'tmux',
      ['-L', this.socket, '-f', '/dev/null', ...args],
      {
        encoding: 'utf8',
      },
    );

    if (result.status !== 0) {
      throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    }

    return result.stdout;
  }
}

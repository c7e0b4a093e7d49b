import type { HolderLink } from '../../src/platform/types.js';

// How long a test waits for the zone to print something before it gives up
// with what it saw. A guard against hanging, not a timing assertion.
const CONSOLE_WAIT_MS = 15_000;

/**
 * A zone's console as a test reads and types on it: everything the link
 * delivers is kept as text, and commands run with markers around them so
 * that their output and exit status can be cut out exactly.
 */
export class ZoneConsole {
  text = '';
  private waiters: (() => void)[] = [];
  private count = 0;

  constructor(readonly link: HolderLink) {
    this.text = link.backlog.toString('utf8');
    link.onData((chunk) => {
      this.text += chunk.toString('utf8');
      for (const wake of this.waiters.splice(0)) {
        wake();
      }
    });
  }

  /** Waits until the text after `from` matches `pattern`. */
  async waitFor(pattern: RegExp, from = 0): Promise<RegExpMatchArray> {
    const deadline = Date.now() + CONSOLE_WAIT_MS;

    for (;;) {
      const match = this.text.slice(from).match(pattern);
      if (match) {
        return match;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const shown = JSON.stringify(this.text.slice(from).slice(-2000));
        throw new Error(`console never showed ${pattern}; it showed: ${shown}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for a root shell's prompt. */
  prompt(from = 0): Promise<RegExpMatchArray> {
    return this.waitFor(/root@[^\s:]+:[^\r\n]*# $/m, from);
  }

  type(text: string): void {
    this.link.write(text);
  }

  /** Runs `command` in the console's shell; its output and exit status. */
  async run(command: string): Promise<{ output: string; status: number }> {
    const n = ++this.count;
    const from = this.text.length;

    // Quotes split the markers, so the echo of the typed line never matches.
    this.type(`echo __BEG''IN${n}__; ${command}; echo __E''ND${n}__ $?\r`);
    const match = await this.waitFor(
      new RegExp(`__BEGIN${n}__\\r\\n([\\s\\S]*?)__END${n}__ (\\d+)`),
      from,
    );

    return {
      output: (match[1] ?? '').replace(/\r\n/g, '\n'),
      status: Number(match[2]),
    };
  }
}

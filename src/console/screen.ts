/**
 * The zone's screen as zoneadmd keeps it: a headless terminal fed with every
 * byte the console printed, so that a newcomer can be sent the current
 * screen at once instead of a blank terminal.
 */
import xtermHeadless from '@xterm/headless';
import serializeAddon from '@xterm/addon-serialize';

// @xterm/headless and its addon are CommonJS; their named exports are on
// the default export when imported from ESM.
const { Terminal } = xtermHeadless;
const { SerializeAddon } = serializeAddon;

// Lines kept above the visible screen; also what a newcomer is sent. Enough
// to scroll back over a boot, small enough to serialize in a few ms.
export const SCROLLBACK_LINES = 1000;

export const DEFAULT_COLS = 80;
export const DEFAULT_ROWS = 24;

export class ConsoleScreen {
  private readonly terminal: InstanceType<typeof Terminal>;
  private readonly serializer: InstanceType<typeof SerializeAddon>;
  private pending = 0;

  constructor(cols = DEFAULT_COLS, rows = DEFAULT_ROWS) {
    this.terminal = new Terminal({
      cols,
      rows,
      scrollback: SCROLLBACK_LINES,
      allowProposedApi: true,
    });
    this.serializer = new SerializeAddon();
    this.terminal.loadAddon(this.serializer);
  }

  /** Bytes handed to the terminal that it has not parsed yet. */
  get pendingBytes(): number {
    return this.pending;
  }

  get size(): { cols: number; rows: number } {
    return { cols: this.terminal.cols, rows: this.terminal.rows };
  }

  /** Feeds output; `parsed` runs once the terminal has taken it in. */
  write(chunk: Uint8Array, parsed?: () => void): void {
    this.pending += chunk.length;
    this.terminal.write(chunk, () => {
      this.pending -= chunk.length;
      parsed?.();
    });
  }

  resize(cols: number, rows: number): void {
    if (cols !== this.terminal.cols || rows !== this.terminal.rows) {
      this.terminal.resize(cols, rows);
    }
  }

  /** Forgets everything, as before a replay of the holder's backlog. */
  reset(): void {
    this.terminal.reset();
    this.terminal.clear();
  }

  /**
   * The screen and its scrollback as escape sequences that redraw it on
   * another terminal, starting from a cleared one.
   */
  snapshot(scrollback = SCROLLBACK_LINES): string {
    return this.serializer.serialize({ scrollback });
  }

  /**
   * A snapshot of at most `maxBytes`: as much scrollback as fits, halved
   * until it does, and the visible screen always.
   */
  snapshotWithin(maxBytes: number): string {
    for (let lines = SCROLLBACK_LINES; ; lines = Math.floor(lines / 2)) {
      const screen = this.snapshot(lines);
      if (lines === 0 || Buffer.byteLength(screen) <= maxBytes) {
        return screen;
      }
    }
  }

  dispose(): void {
    this.terminal.dispose();
  }
}

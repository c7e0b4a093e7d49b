/**
 * One zone's console as the UI holds it: the session to the zone, and a
 * headless terminal that keeps its screen whether or not a pane shows it,
 * so that switching between consoles shows each screen at once.
 */
import xtermHeadless, { type Terminal as XTerm } from '@xterm/headless';
import type { ConsoleSession } from '../../src/client/types.js';
import { walkScreen, type Run } from './cell-walk.js';
import { Watermarks } from './flow-control.js';
import { trailingThrottle, type Throttle } from './frame-throttle.js';

const { Terminal } = xtermHeadless;

// Enough history to hand a full screen and some context to a full-screen
// attach; the pane itself only ever shows the viewport.
const SCROLLBACK_LINES = 1000;

export type ConsoleStatus = 'attached' | 'closed';

export class ConsoleView {
  readonly term: XTerm;
  status: ConsoleStatus = 'attached';
  closeReason?: string;
  /** Bumped at every frame, so a pane knows when to draw again. */
  version = 0;

  private session: ConsoleSession;
  private generation = 0;
  private cursorHidden = false;
  private mirror: ((chunk: Buffer) => void) | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly throttle: Throttle;
  private readonly flow: Watermarks;

  constructor(
    readonly zone: string,
    session: ConsoleSession,
    cols: number,
    rows: number,
    private readonly events: {
      notice(zone: string, text: string): void;
      closed(zone: string, reason?: string): void;
    },
  ) {
    this.term = new Terminal({
      cols,
      rows,
      scrollback: SCROLLBACK_LINES,
      allowProposedApi: true,
    });
    this.trackCursorVisibility();
    this.throttle = trailingThrottle(() => this.frame());
    this.flow = new Watermarks({
      pause: () => this.session.pause?.(),
      resume: () => this.session.resume?.(),
    });
    this.session = session;
    this.bind(session);
  }

  /**
   * Swaps in a new session (the language changed, so notices must follow
   * it). The daemon sends a newcomer the whole screen, so the terminal
   * starts again from blank rather than drawing that screen twice.
   */
  replace(session: ConsoleSession): void {
    const old = this.session;

    this.generation++;
    this.session = session;
    this.status = 'attached';
    this.closeReason = undefined;
    this.term.reset();
    this.cursorHidden = false;
    this.bind(session);
    old.close();
  }

  /** Keyboard input for the zone, passed on unchanged. */
  write(data: string | Buffer): void {
    if (this.status === 'attached') {
      this.session.write(data);
    }
  }

  /** The pane's size is the console's size: both change together. */
  resize(cols: number, rows: number): void {
    if (cols === this.term.cols && rows === this.term.rows) {
      return;
    }

    this.term.resize(Math.max(1, cols), Math.max(1, rows));
    if (this.status === 'attached') {
      this.session.resize(this.term.cols, this.term.rows);
    }
    this.frame();
  }

  /** The visible screen as styled runs, with the cursor drawn inverse. */
  screen(showCursor = true): Run[][] {
    const buffer = this.term.buffer.active;
    const cursor =
      showCursor && !this.cursorHidden && this.status === 'attached'
        ? {
            x: buffer.cursorX,
            y: buffer.cursorY + buffer.baseY - buffer.viewportY,
          }
        : undefined;

    return walkScreen(buffer, this.term.cols, this.term.rows, cursor);
  }

  /** Called at most once per frame interval while output arrives. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  /** Also sends every chunk to `sink`, for a full-screen attach. */
  setMirror(sink: ((chunk: Buffer) => void) | undefined): void {
    this.mirror = sink;
  }

  close(): void {
    this.generation++;
    this.throttle.cancel();
    this.status = 'closed';
    this.session.close();
    this.term.dispose();
  }

  private bind(session: ConsoleSession): void {
    const generation = this.generation;
    const current = () => generation === this.generation;

    session.onData((chunk) => {
      if (!current()) {
        return;
      }

      this.mirror?.(chunk);
      this.flow.queued(chunk.length);
      this.term.write(chunk, () => {
        this.flow.parsed(chunk.length);
        if (current()) {
          this.throttle.schedule();
        }
      });
    });
    session.onNotice((text) => {
      if (current()) {
        this.events.notice(this.zone, text);
      }
    });
    session.onClose((reason) => {
      if (current()) {
        this.status = 'closed';
        this.closeReason = reason;
        this.frame();
        this.events.closed(this.zone, reason);
      }
    });
  }

  private frame(): void {
    this.version++;

    for (const listener of [...this.listeners]) {
      listener();
    }
  }

  // DECTCEM (CSI ? 25 h / l) shows and hides the cursor; the public API
  // does not expose it, so follow it here and let xterm handle it as well.
  private trackCursorVisibility(): void {
    const watch = (final: 'h' | 'l') =>
      this.term.parser.registerCsiHandler({ prefix: '?', final }, (params) => {
        if (params.includes(25)) {
          this.cursorHidden = final === 'l';
        }
        return false;
      });

    watch('h');
    watch('l');
  }
}

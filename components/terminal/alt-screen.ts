/**
 * The alternate screen, entered before the first frame and left on every
 * way out: a normal quit, a crash, SIGTERM, SIGHUP, SIGINT. Ink 6.8 has no
 * option for it. Leaving is idempotent and written synchronously, so a
 * process on its way out still restores the operator's terminal.
 */
import fs from 'node:fs';

const CSI = '\u001B[';

/** Cursor home, then erase the whole screen. */
export const CLEAR_SCREEN = `${CSI}H${CSI}2J`;

/** Switch to the alternate screen (saving the cursor), then clear it. */
export const ENTER_ALT_SCREEN = `${CSI}?1049h${CLEAR_SCREEN}`;

/**
 * Undo whatever the UI or a full-screen console may have left on: mouse
 * reporting, bracketed paste, application cursor keys and keypad, colours,
 * a hidden cursor; then back to the normal screen and its saved cursor.
 */
export const LEAVE_ALT_SCREEN =
  `${CSI}?1000l${CSI}?1002l${CSI}?1003l${CSI}?1006l${CSI}?2004l` +
  `${CSI}?1l\u001B>${CSI}0m${CSI}?25h${CSI}?1049l`;

export interface ScreenGuard {
  /** Restores the terminal; safe to call any number of times. */
  release(): void;
}

export interface GuardOptions {
  /** The terminal's file descriptor (1 for stdout). */
  fd: number;
  stdin?: NodeJS.ReadStream;
  proc?: NodeJS.Process;
  /**
   * Runs before the screen is released on a signal: whatever draws must
   * stop first, or its last frame lands on the operator's normal screen.
   */
  beforeSignalExit?: () => void;
}

/** Exit statuses of a process ended by a signal: 128 + its number. */
const SIGNAL_EXIT: Record<string, number> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

export function holdAlternateScreen(options: GuardOptions): ScreenGuard {
  const proc = options.proc ?? process;
  let held = true;

  const write = (text: string) => {
    try {
      fs.writeSync(options.fd, text);
    } catch {
      // The terminal is gone (SIGHUP): there is nothing left to restore.
    }
  };

  const release = () => {
    if (!held) {
      return;
    }

    held = false;
    try {
      if (options.stdin?.isTTY) {
        options.stdin.setRawMode(false);
      }
    } catch {
      // Same as above: no terminal, no mode to restore.
    }
    write(LEAVE_ALT_SCREEN);
    for (const [signal, handler] of handlers) {
      proc.off(signal, handler);
    }
    proc.off('exit', release);
  };

  const handlers = Object.keys(SIGNAL_EXIT).map((signal) => {
    const handler = () => {
      try {
        options.beforeSignalExit?.();
      } finally {
        release();
        proc.exit(SIGNAL_EXIT[signal]);
      }
    };
    proc.on(signal, handler);
    return [signal, handler] as const;
  });
  proc.on('exit', release);

  write(ENTER_ALT_SCREEN);

  return { release };
}

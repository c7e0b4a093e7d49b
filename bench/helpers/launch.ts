/**
 * Starts the UI on a pty for a benchmark: the real `zonectl` against a
 * root with real zones when the daemon's verbs exist, or the harness on
 * in-memory zones with shell consoles (which measures the UI's own costs).
 */
import { fileURLToPath } from 'node:url';
import { findCommand } from '../../src/cli/commands.js';
import { PtyScreen, type ScreenOptions } from './pty-screen.js';

export type Mode = 'real' | 'memory';

const HARNESS = fileURLToPath(new URL('../ui-harness.js', import.meta.url));
const ZONECTL = fileURLToPath(new URL('../../../bin/zonectl', import.meta.url));

/** `real` when this build has the daemon and the tui verb. */
export function availableMode(asked: string | undefined): Mode {
  const real = ['tui', 'boot', 'halt'].every((verb) => findCommand(verb));

  if (asked === 'real' && !real) {
    throw new Error('this build has no daemon or tui verb yet: use --memory');
  }

  return asked === 'memory' || !real ? 'memory' : 'real';
}

export interface Launch {
  mode: Mode;
  /** For `real`: the alternate root holding the zones. */
  root?: string;
  /** For `memory`: how many zones, and how many of them running. */
  zones?: number;
  running?: number;
}

export function launchUi(
  launch: Launch,
  options: ScreenOptions = {},
): PtyScreen {
  const args =
    launch.mode === 'real'
      ? [ZONECTL, '--root', launch.root ?? '']
      : [HARNESS, String(launch.zones ?? 10), String(launch.running ?? 0)];

  return new PtyScreen(process.execPath, args, options);
}

/** The first frame is whole once the hint line is drawn under the table. */
export function fullFrame(text: string): boolean {
  return /NAME\s+STATE/.test(text) && /\? help/.test(text);
}

export const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));

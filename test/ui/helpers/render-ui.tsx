/**
 * Renders the whole UI with ink-testing-library over an in-memory client,
 * admin and preferences, and gives tests the keyboard and the screen.
 */
import './force-color.js';
import type { TestContext } from 'node:test';
import { render } from 'ink-testing-library';
import { App } from '../../../components/App.js';
import type { ConsoleView } from '../../../components/console/console-view.js';
import { Controller } from '../../../components/model/controller.js';
import {
  DEFAULT_PREFS,
  type Prefs,
  type PrefsStore,
} from '../../../components/model/prefs.js';
import type { ZoneView } from '../../../src/client/types.js';
import { Messages } from '../../../src/core/i18n.js';
import type { Language } from '../../../src/core/language.js';
import { silentLogger } from '../../../src/core/logger.js';
import { memoryAdmin } from './memory-admin.js';
import { MemoryClient } from './memory-client.js';

export interface UiOptions {
  zones?: ZoneView[];
  /** Holds the first list back until it settles. */
  listGate?: Promise<void>;
  language?: Language;
  prefs?: Partial<Prefs>;
}

export interface MemoryPrefs extends PrefsStore {
  saved: Partial<Prefs>[];
}

export function memoryPrefs(initial: Partial<Prefs> = {}): MemoryPrefs {
  const saved: Partial<Prefs>[] = [];

  return {
    file: '/prefs/tui.json',
    saved,
    read: () => ({ prefs: { ...DEFAULT_PREFS, ...initial } }),
    save: async (change) => {
      saved.push(change);
    },
  };
}

// eslint-disable-next-line no-control-regex -- escapes are what it removes
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

export function plain(text: string): string {
  return text.replace(ANSI, '');
}

/** `text` right after the SGR escape `codes` (`32` is green). */
export function sgr(codes: string, text: string): string {
  return `\u001B[${codes}m${text}`;
}

// Long enough for a slow machine; a passing test never waits for it.
const UNTIL_MS = 5000;

export function renderUi(t: TestContext, options: UiOptions = {}) {
  const client = new MemoryClient(options.zones ?? []);
  client.listGate = options.listGate;
  const admin = memoryAdmin(client);
  const prefs = memoryPrefs(options.prefs);
  const host = {
    quits: 0,
    fullscreens: [] as ConsoleView[],
    quit() {
      host.quits++;
    },
    async fullscreen(view: ConsoleView) {
      host.fullscreens.push(view);
    },
  };
  const controller = new Controller({
    client,
    admin,
    messages: new Messages(options.language ?? 'en'),
    prefs,
    logger: silentLogger,
    host,
  });

  controller.start();
  const app = render(<App controller={controller} />);

  t.after(async () => {
    app.unmount();
    app.cleanup();
    await controller.stop();
  });

  const raw = () => app.lastFrame() ?? '';
  const frame = () => plain(raw());

  /** Waits until `check` holds for the screen, or fails showing it. */
  const until = async (check: (screen: string) => boolean, what = '') => {
    const deadline = Date.now() + UNTIL_MS;

    while (!check(frame())) {
      if (Date.now() > deadline) {
        throw new Error(`screen never showed ${what}:\n${frame()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  /** Types keys, one report each, as a person does, letting Ink draw. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };

  return {
    app,
    client,
    admin,
    prefs,
    host,
    controller,
    raw,
    frame,
    until,
    press,
  };
}

export const KEY = {
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  up: '\u001B[A',
  down: '\u001B[B',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  detach: '\u001D',
} as const;

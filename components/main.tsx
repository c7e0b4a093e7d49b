/**
 * Runs the terminal UI until the operator quits: the alternate screen is
 * held for the whole run and released on every way out, and the Ink app
 * is unmounted and mounted again around each full-screen console.
 */
import { render } from 'ink';
import type { ZoneClient } from '../src/client/types.js';
import { adminContext } from '../src/admin/context.js';
import { describe } from '../src/core/describe.js';
import { uiErrors } from '../src/core/errors/ui.js';
import type { Messages } from '../src/core/i18n.js';
import type { Language } from '../src/core/language.js';
import type { Logger } from '../src/core/logger.js';
import type { Paths } from '../src/core/paths.js';
import { App } from './App.js';
import type { ConsoleView } from './console/console-view.js';
import { runFullscreen } from './console/fullscreen.js';
import { localAdmin, type ZoneAdmin } from './model/admin.js';
import { Controller } from './model/controller.js';
import { prefsStore, type PrefsStore } from './model/prefs.js';
import { holdAlternateScreen } from './terminal/alt-screen.js';

export interface UiOptions {
  paths: Paths;
  client: ZoneClient;
  messages: Messages;
  logger: Logger;
  /** The language given on the command line; it wins over the saved one. */
  language?: Language;
  admin?: ZoneAdmin;
  prefs?: PrefsStore;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

interface FullscreenRequest {
  view: ConsoleView;
  done: () => void;
}

export async function startUi(options: UiOptions): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;

  if (!stdin.isTTY || !stdout.isTTY) {
    throw uiErrors.needsTerminal();
  }

  let unmount = () => {};
  let fullscreen: FullscreenRequest | undefined;
  const controller = new Controller({
    client: options.client,
    admin:
      options.admin ?? localAdmin(adminContext(options.paths, options.logger)),
    messages: options.messages,
    prefs: options.prefs ?? prefsStore(options.paths.prefs),
    logger: options.logger,
    language: options.language,
    host: {
      quit: () => unmount(),
      fullscreen: (view) =>
        new Promise<void>((done) => {
          fullscreen = { view, done };
          unmount();
        }),
    },
  });

  // A terminal's stream has a descriptor; 1 is stdout's.
  const fd = (stdout as { fd?: number }).fd ?? 1;
  const guard = holdAlternateScreen({
    fd,
    stdin,
    beforeSignalExit: () => unmount(),
  });
  const crash = (error: unknown) => {
    try {
      unmount();
    } finally {
      guard.release();
    }
    process.stderr.write(`zonectl: ${describe(error, options.messages.t)}\n`);
    options.logger.error('ui crashed', { error });
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  options.logger.info('ui started', { pid: process.pid });

  try {
    // The first frame already has the terminal's size.
    controller.resize({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
    controller.start();

    for (;;) {
      const instance = render(<App controller={controller} />, {
        stdin,
        stdout,
        exitOnCtrlC: false,
        maxFps: 30,
        // Ink 6.8's incremental renderer draws each frame one line too low
        // when the frame ends in a newline, as ours does (it is one line
        // shorter than the terminal); the standard renderer redraws whole
        // frames, inside synchronized output so that they do not tear.
        incrementalRendering: false,
      });
      unmount = () => instance.unmount();
      setImmediate(() => controller.pool.prefetch());
      await instance.waitUntilExit();

      const request = fullscreen;
      if (!request) {
        break;
      }

      fullscreen = undefined;
      await runFullscreen(
        request.view,
        { stdin, stdout },
        controller.detachSequence,
      );
      request.done();
    }
  } finally {
    // Keys typed from now on belong to the shell the operator returns to.
    stdin.pause();
    await controller.stop();
    guard.release();
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    options.logger.info('ui stopped', { pid: process.pid });
  }
}

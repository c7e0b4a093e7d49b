/**
 * `zonectl tui`, and `zonectl` with no command: the terminal UI. Ink and
 * React are loaded here, when the UI starts, and by no other verb.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createZoneClient } from '../../client/zone-client.js';
import { uiErrors } from '../../core/errors/ui.js';
import {
  createLogger,
  isLogLevel,
  silentLogger,
  type Logger,
} from '../../core/logger.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  if (!ctx.interactive || !ctx.stdout.isTTY) {
    throw uiErrors.needsTerminal();
  }

  // React's development build checks and profiles every render; the UI
  // runs the production build unless someone asks otherwise.
  process.env.NODE_ENV ??= 'production';

  const logger = uiLogger(ctx);
  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
    // Watching has no caller to report to; the zone table stays as it was
    // and the log says why.
    onWatchError: (error) => logger.warn('watch failed', { error }),
  });
  const { startUi } = await import('../../../components/main.js');

  await startUi({
    paths: ctx.paths,
    client,
    messages: ctx.messages,
    logger,
    // Only an explicit --lang beats the language saved in the UI.
    language: line.global.lang === undefined ? undefined : ctx.language,
  });
}

/**
 * The UI owns the terminal, so its log goes to a file beside the daemons'
 * logs rather than to stderr, where it would tear through the screen.
 */
function uiLogger(ctx: CliContext): Logger {
  const level = ctx.env.ZONECTL_LOG_LEVEL;
  const file = path.join(ctx.paths.log, 'tui.log');

  try {
    fs.mkdirSync(ctx.paths.log, { recursive: true, mode: 0o755 });
  } catch {
    return silentLogger;
  }

  return createLogger({
    level: isLogLevel(level) ? level : 'info',
    fields: { pid: process.pid, process: 'zonectl-tui' },
    write: (text) => {
      try {
        fs.appendFileSync(file, text);
      } catch {
        // A log that cannot be written must not take the UI down.
      }
    },
  });
}

/**
 * `zonectl tui`, and `zonectl` with no command: the terminal UI. Ink and
 * React are loaded here, when the UI starts, and by no other verb.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZoneClient } from '../../client/types.js';
import { uiErrors } from '../../core/errors/ui.js';
import {
  createLogger,
  isLogLevel,
  silentLogger,
  type Logger,
} from '../../core/logger.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

// The real client is built with the daemon. Naming its module through a
// variable lets this verb compile before that module exists; until then
// the UI reports that it cannot reach the zones.
const CLIENT_MODULE = '../../client/index.js';

interface ClientModule {
  createClient(options: {
    paths: CliContext['paths'];
    logger: Logger;
  }): ZoneClient;
}

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  if (!ctx.interactive || !ctx.stdout.isTTY) {
    throw uiErrors.needsTerminal();
  }

  // React's development build checks and profiles every render; the UI
  // runs the production build unless someone asks otherwise.
  process.env.NODE_ENV ??= 'production';

  const logger = uiLogger(ctx);
  const [{ startUi }, client] = await Promise.all([
    import('../../../components/main.js'),
    connect(ctx, logger),
  ]);

  await startUi({
    paths: ctx.paths,
    client,
    messages: ctx.messages,
    logger,
    // Only an explicit --lang beats the language saved in the UI.
    language: line.global.lang === undefined ? undefined : ctx.language,
  });
}

async function connect(ctx: CliContext, logger: Logger): Promise<ZoneClient> {
  try {
    const module = (await import(CLIENT_MODULE)) as ClientModule;
    return module.createClient({ paths: ctx.paths, logger });
  } catch (error) {
    throw uiErrors.clientUnavailable(error);
  }
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

/**
 * `zonectl console <zone>`: the operator's terminal on the zone's console,
 * as `zlogin -C` gives it, through the zone's daemon. When the daemon dies
 * under the session, a fresh one is started and the session goes on.
 */
import { errors } from '../../core/errors/console.js';
import { checkZoneName } from '../../core/zonename.js';
import { readRotatedLog } from '../../core/rotating-log.js';
import { consoleLogPath } from '../../protocol/paths.js';
import { createZoneClient } from '../../client/zone-client.js';
import type { ConsoleSession, ZoneClient } from '../../client/types.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { attachTerminal, bracketed, type Ending } from '../console/attach.js';
import {
  DEFAULT_ESCAPE,
  EscapeFilter,
  parseEscape,
  showEscape,
} from '../console/escape.js';

// A lost daemon is replaced in a fraction of a second; a few tries cover
// a busy host, and more would hide a daemon that dies on every start.
const RECONNECT_ATTEMPTS = 5;
const RECONNECT_PAUSE_MS = 200;

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zone = checkZoneName(line.positionals[0] ?? '');

  if (line.flags['show-log']) {
    showLog(ctx, zone);
    return;
  }

  const readOnly = line.flags['read-only'] === true;
  const escape = escapeOf(line.flags);
  if (!ctx.stdin.isTTY && !readOnly) {
    throw errors.noTerminal();
  }

  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
  });
  const filter = new EscapeFilter(escape);
  const open = () =>
    client.console(zone, {
      locale: ctx.language,
      readOnly,
      detachOnHalt: line.flags['detach-on-halt'] === true,
      cols: ctx.stdout.columns,
      rows: ctx.stdout.rows,
    });

  let session = await open();
  let banner: string | undefined = greeting(ctx, zone, readOnly, escape);

  for (;;) {
    const ending = await attachTerminal(session, ctx, filter, banner);
    banner = undefined;

    if (ending.kind !== 'lost') {
      say(ctx, farewell(ctx, zone, ending));
      return;
    }

    say(ctx, ctx.t('console:client.reconnecting', { zone }));
    session = await reconnect(client, open);
  }
}

function escapeOf(flags: ParsedLine['flags']): number | null {
  if (flags['no-escape'] === true) {
    return null;
  }

  const value = flags.escape;
  return parseEscape(typeof value === 'string' ? value : DEFAULT_ESCAPE);
}

function greeting(
  ctx: CliContext,
  zone: string,
  readOnly: boolean,
  escape: number | null,
): string {
  if (escape === null) {
    return ctx.t('console:client.connectedNoEscape', { zone });
  }

  const key = readOnly ? 'connectedReadOnly' : 'connected';
  return ctx.t(`console:client.${key}`, { zone, escape: showEscape(escape) });
}

function farewell(ctx: CliContext, zone: string, ending: Ending): string {
  return ending.kind === 'closed'
    ? ending.reason
    : ctx.t('console:client.disconnected', { zone });
}

async function reconnect(
  client: ZoneClient,
  open: () => Promise<ConsoleSession>,
): Promise<ConsoleSession> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= RECONNECT_ATTEMPTS) {
        throw error;
      }
      await new Promise((r) => setTimeout(r, RECONNECT_PAUSE_MS * attempt));
    }
  }
}

function say(ctx: CliContext, text: string): void {
  ctx.stdout.write(bracketed(text));
}

function showLog(ctx: CliContext, zone: string): void {
  const log = readRotatedLog(consoleLogPath(ctx.paths, zone));

  if (!log) {
    throw errors.noLog(zone);
  }
  ctx.stdout.write(log);
}

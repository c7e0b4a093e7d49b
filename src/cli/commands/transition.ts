/**
 * ready, boot, reboot, halt, mount and unmount: one request to the zone's
 * daemon, which is started when the zone has none. The daemon's messages
 * come back in the operator's language and are printed as they are.
 */
import { daemonErrors } from '../../core/errors/daemon.js';
import { checkZoneName } from '../../core/zonename.js';
import { createZoneClient } from '../../client/zone-client.js';
import type { DoorCommand } from '../../protocol/commands.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

const TAKES_BOOT_ARGS: readonly string[] = ['boot', 'reboot'];

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const command = line.command as DoorCommand;
  const zone = checkZoneName(line.positionals[0] ?? '');

  if (line.rest.length > 0 && !TAKES_BOOT_ARGS.includes(command)) {
    throw daemonErrors.noBootArgs(command);
  }

  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
  });
  const reply = await client.request(zone, command, {
    locale: ctx.language,
    args: line.rest,
  });

  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ zone, command, ...reply })}\n`);
  }
  if (!reply.ok) {
    throw daemonErrors.fromDaemon(reply.messages.join('\n'), reply.exit);
  }
  if (!ctx.json) {
    for (const message of reply.messages) {
      ctx.stderr.write(`zonectl: ${message}\n`);
    }
  }
}

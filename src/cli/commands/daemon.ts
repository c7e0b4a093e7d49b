/**
 * `zonectl daemon -z <zone>`: the zone's daemon, for zonectl to start. A
 * person who runs it is told what to use instead.
 */
import { daemonErrors } from '../../core/errors/daemon.js';
import { handshakeFromEnv } from '../../daemon/handshake.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zone = line.flags.zone;

  if (typeof zone !== 'string' || !handshakeFromEnv(ctx.env)) {
    throw daemonErrors.notForPeople();
  }

  const { serveZone } = await import('../../daemon/main.js');
  await serveZone(zone, ctx.paths, ctx.messages, ctx.env);
}

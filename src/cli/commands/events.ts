/**
 * Follows the eventstreams of the given zones (or of every zone) until
 * interrupted: one line per event in the operator's language, or one JSON
 * object per line with --json. Zones whose daemons start later are picked
 * up as their doors appear.
 */
import { ZoneIndex } from '../../config/zone-index.js';
import { checkZoneName } from '../../core/zonename.js';
import { Follower } from '../../client/follow.js';
import type { ZoneEvent } from '../../protocol/commands.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { eventLine } from './event-line.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zones = line.positionals.map(checkZoneName);
  const index = new ZoneIndex(ctx.paths);
  for (const zone of zones) {
    index.get(zone);
  }

  const print = (event: ZoneEvent) =>
    ctx.stdout.write(
      ctx.json ? `${JSON.stringify(event)}\n` : `${eventLine(ctx.t, event)}\n`,
    );
  const follower = new Follower(
    ctx.paths,
    ctx.language,
    { event: print },
    zones.length > 0 ? new Set(zones) : undefined,
  );

  follower.start();
  await interrupted();
  follower.stop();
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

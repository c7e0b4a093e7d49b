/**
 * The zone table with live states: running, ready and mounted come from the
 * zones' daemons, which read them from the host, and the ID column is filled
 * for every zone that is set up.
 */
import type { ZoneState } from '../../core/states.js';
import { createZoneClient } from '../../client/zone-client.js';
import type { ZoneView } from '../../client/types.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';

const RUNNING: readonly ZoneState[] = ['running'];
const INSTALLED_OR_BEYOND: readonly ZoneState[] = [
  'installed',
  'ready',
  'mounted',
  'running',
  'shutting_down',
  'down',
];

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
  });
  const shown = line.flags.configured
    ? undefined
    : line.flags.installed
      ? INSTALLED_OR_BEYOND
      : RUNNING;
  const zones = (await client.list()).filter(
    (zone) => shown === undefined || shown.includes(zone.state),
  );

  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(zones, null, 2)}\n`);
  } else if (line.flags.verbose) {
    ctx.stdout.write(wide(ctx, zones));
  } else {
    ctx.stdout.write(zones.map((z) => `${z.name}\n`).join(''));
  }
}

function wide(ctx: CliContext, zones: readonly ZoneView[]): string {
  const headers = ['id', 'name', 'status', 'path', 'brand'].map((h) =>
    ctx.t(`cli:list.${h}`),
  );
  const rows = zones.map((z) => [
    z.id === null ? '-' : String(z.id),
    z.name,
    ctx.t(`cli:state.${z.state}`),
    z.zonepath,
    z.brand,
  ]);

  return formatTable(headers, rows);
}

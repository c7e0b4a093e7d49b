import { adminContext } from '../../admin/context.js';
import { listZones, type ZoneSummary } from '../../admin/list.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';

export function run(ctx: CliContext, line: ParsedLine): void {
  const zones = listZones(adminContext(ctx.paths, ctx.logger), {
    configured: line.flags.configured === true,
    installed: line.flags.installed === true,
  });

  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(zones, null, 2)}\n`);
  } else if (line.flags.verbose) {
    ctx.stdout.write(wide(ctx, zones));
  } else {
    ctx.stdout.write(zones.map((z) => `${z.name}\n`).join(''));
  }
}

function wide(ctx: CliContext, zones: readonly ZoneSummary[]): string {
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

import { adminContext } from '../../admin/context.js';
import { requireZone } from '../../admin/delete.js';
import { formatConfig } from '../../config/keys.js';
import type { ZoneConfig } from '../../config/zone-config.js';
import type { ZoneState } from '../../core/states.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { formatRows } from '../table.js';

export function run(ctx: CliContext, line: ParsedLine): void {
  const zone = line.positionals[0] ?? '';
  const record = requireZone(adminContext(ctx.paths, ctx.logger), zone);

  printConfig(ctx, zone, record.state, record.config);
}

/** A zone's name, state and every configured key. */
export function printConfig(
  ctx: CliContext,
  zone: string,
  state: ZoneState,
  config: ZoneConfig,
): void {
  if (ctx.json) {
    const body = { zonename: zone, state, ...config };
    ctx.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }

  const rows = [
    ['zonename:', zone],
    ['state:', ctx.t(`cli:state.${state}`)],
    ...formatConfig(config).map(([key, value]) => [`${key}:`, value]),
  ];
  ctx.stdout.write(formatRows(rows));
}

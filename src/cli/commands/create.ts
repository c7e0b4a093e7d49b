import { adminContext } from '../../admin/context.js';
import { createZone } from '../../admin/create.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';
import { printConfig } from './info.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const [zone = '', ...words] = line.positionals;
  const config = await createZone(
    adminContext(ctx.paths, ctx.logger),
    zone,
    words,
  );

  if (ctx.json) {
    printConfig(ctx, zone, 'configured', config);
  }
}

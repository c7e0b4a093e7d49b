import { adminContext } from '../../admin/context.js';
import { installZone } from '../../admin/install.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  await installZone(
    adminContext(ctx.paths, ctx.logger),
    line.positionals[0] ?? '',
  );
}

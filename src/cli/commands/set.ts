import { adminContext } from '../../admin/context.js';
import { configureZone } from '../../admin/configure.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const [zone = '', ...words] = line.positionals;

  await configureZone(adminContext(ctx.paths, ctx.logger), zone, words);
}

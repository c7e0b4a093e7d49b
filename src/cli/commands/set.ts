import { adminContext } from '../../admin/context.js';
import { configureZone } from '../../admin/configure.js';
import type { ParsedLine } from '../args.js';
import type { CliContext } from '../context.js';

export function run(ctx: CliContext, line: ParsedLine): void {
  const [zone = '', ...words] = line.positionals;

  configureZone(adminContext(ctx.paths, ctx.logger), zone, words);
}

import { adminContext } from '../../admin/context.js';
import { deleteZone, requireZone } from '../../admin/delete.js';
import { errors } from '../../core/errors/cli.js';
import type { ParsedLine } from '../args.js';
import { confirm } from '../confirm.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zone = line.positionals[0] ?? '';
  const admin = adminContext(ctx.paths, ctx.logger);

  // Refuse before asking: a question about a zone that cannot go is noise.
  const record = requireZone(admin, zone);
  if (record.state !== 'configured') {
    throw errors.wrongState('delete', zone, record.state);
  }

  await confirm(ctx, 'delete', zone);
  await deleteZone(admin, zone);
}

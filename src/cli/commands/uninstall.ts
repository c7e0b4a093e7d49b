import { adminContext } from '../../admin/context.js';
import { requireZone } from '../../admin/delete.js';
import { uninstallZone } from '../../admin/install.js';
import { errors } from '../../core/errors/cli.js';
import type { ParsedLine } from '../args.js';
import { confirm } from '../confirm.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, line: ParsedLine): Promise<void> {
  const zone = line.positionals[0] ?? '';
  const admin = adminContext(ctx.paths, ctx.logger);

  const record = requireZone(admin, zone);
  if (record.state === 'configured') {
    throw errors.wrongState('uninstall', zone, record.state);
  }

  await confirm(ctx, 'uninstall', zone);
  await uninstallZone(admin, zone);
}

import fs from 'node:fs';
import { adminContext } from '../../admin/context.js';
import { requireZone } from '../../admin/delete.js';
import { uninstallZone } from '../../admin/install.js';
import { errors } from '../../core/errors/cli.js';
import { daemonErrors } from '../../core/errors/daemon.js';
import { createZoneClient } from '../../client/zone-client.js';
import { doorPath } from '../../protocol/paths.js';
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
  await noteUninstalling(ctx, zone, record.state);
  await uninstallZone(admin, zone);
}

/**
 * A zone with a daemon (or with the door of one that died) is told first:
 * its daemon refuses unless the zone is merely installed, tells its
 * subscribers, and goes away, so nothing is booted from files being removed.
 */
async function noteUninstalling(
  ctx: CliContext,
  zone: string,
  state: string,
): Promise<void> {
  if (state !== 'installed' || !fs.existsSync(doorPath(ctx.paths, zone))) {
    return;
  }

  const client = createZoneClient({
    paths: ctx.paths,
    language: ctx.language,
    env: ctx.env,
  });
  const reply = await client.request(zone, 'note_uninstalling', {
    locale: ctx.language,
  });

  if (reply.ok) {
    return;
  }
  if (reply.state && reply.state !== 'installed') {
    throw errors.zoneActive('uninstall', zone, reply.state);
  }
  throw daemonErrors.fromDaemon(reply.messages.join('\n'), reply.exit);
}

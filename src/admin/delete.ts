import { errors } from '../core/errors/cli.js';
import { checkZoneName } from '../core/zonename.js';
import type { AdminContext } from './context.js';

/** Removes a zone's configuration; only a zone with no files may go. */
export async function deleteZone(
  ctx: AdminContext,
  zone: string,
): Promise<void> {
  checkZoneName(zone);

  await ctx.index.update((data) => {
    const record = data.zones[zone];
    if (!record) {
      throw errors.unknownZone(zone);
    }
    if (record.state !== 'configured') {
      throw errors.wrongState('delete', zone, record.state);
    }

    delete data.zones[zone];
  });
  ctx.logger.info('zone deleted', { zone, reason: 'delete' });
}

/** Throws unless the zone exists; for checks before a confirmation. */
export function requireZone(ctx: AdminContext, zone: string) {
  checkZoneName(zone);

  return ctx.index.get(zone);
}

import { errors } from '../core/errors/cli.js';
import { checkZoneName } from '../core/zonename.js';
import { KEYS, applyAssignments, parseAssignments } from '../config/keys.js';
import type { ZoneConfig } from '../config/zone-config.js';
import type { AdminContext } from './context.js';
import { checkZonepathFree } from './create.js';

/**
 * Changes a zone's configuration. Keys that describe the files on disk
 * (zonepath, brand) are fixed once the zone has files; the rest take effect
 * at the next boot.
 */
export async function configureZone(
  ctx: AdminContext,
  zone: string,
  words: readonly string[],
): Promise<ZoneConfig> {
  checkZoneName(zone);
  const assignments = parseAssignments(words);

  const config = await ctx.index.update((data) => {
    const record = data.zones[zone];
    if (!record) {
      throw errors.unknownZone(zone);
    }

    for (const { key } of assignments) {
      if (KEYS[key].fixedOnceInstalled && record.state !== 'configured') {
        throw errors.keyFixedWhenInstalled(key, zone, record.state);
      }
    }

    const next = applyAssignments(record.config, assignments);
    checkZonepathFree(data, zone, next.zonepath);
    record.config = next;

    return next;
  });
  ctx.logger.info('zone reconfigured', {
    zone,
    reason: 'set',
    keys: assignments.map((a) => a.key),
  });

  return config;
}

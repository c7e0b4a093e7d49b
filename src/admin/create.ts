import path from 'node:path';
import { errors } from '../core/errors/cli.js';
import { checkZoneName } from '../core/zonename.js';
import { applyAssignments, parseAssignments } from '../config/keys.js';
import type { ZoneConfig } from '../config/zone-config.js';
import type { IndexData } from '../config/zone-index.js';
import type { AdminContext } from './context.js';

/** Configures a new zone from `key=value` words; nothing is written on error. */
export async function createZone(
  ctx: AdminContext,
  zone: string,
  words: readonly string[],
): Promise<ZoneConfig> {
  checkZoneName(zone);
  const assignments = parseAssignments(words);

  const config = applyAssignments(
    {
      zonepath: path.join(ctx.paths.zones, zone),
      brand: 'sparse',
      autoboot: false,
      fs: [],
    },
    assignments,
  );

  await ctx.index.update((data) => {
    if (data.zones[zone]) {
      throw errors.duplicateZone(zone);
    }
    checkZonepathFree(data, zone, config.zonepath);
    data.zones[zone] = { state: 'configured', config };
  });
  ctx.logger.info('zone configured', { zone, reason: 'create' });

  return config;
}

/** Two zones sharing a zonepath would install over each other. */
export function checkZonepathFree(
  data: IndexData,
  zone: string,
  zonepath: string,
): void {
  for (const [other, record] of Object.entries(data.zones)) {
    if (other !== zone && overlaps(record.config.zonepath, zonepath)) {
      throw errors.zonepathInUse(zonepath, other);
    }
  }
}

function overlaps(a: string, b: string): boolean {
  const within = (x: string, y: string) =>
    x === y || x.startsWith(y.endsWith('/') ? y : `${y}/`);

  return within(a, b) || within(b, a);
}

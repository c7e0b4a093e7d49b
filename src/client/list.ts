/**
 * The zone table: every configured zone from the index, with the live
 * state of those a daemon serves. A door left by a daemon that died means
 * the zone may still be up, so a daemon is started to read it from the
 * host; otherwise no daemon is started just to look.
 */
import type { ZoneConfig } from '../config/zone-config.js';
import { ZoneIndex } from '../config/zone-index.js';
import type { ZoneState } from '../core/states.js';
import type { ZoneSnapshot } from '../protocol/messages.js';
import type { CallContext } from './door-call.js';
import { queryStatus } from './requests.js';
import type { ZoneView } from './types.js';

export async function listZones(ctx: CallContext): Promise<ZoneView[]> {
  const zones = Object.entries(new ZoneIndex(ctx.paths).read().zones);

  const views = await Promise.all(
    zones.map(async ([name, record]) => {
      const live =
        record.state === 'installed'
          ? await queryStatus(ctx, name, 'stale')
          : undefined;

      return view(name, record.state, record.config, live);
    }),
  );

  return views.sort((a, b) => a.name.localeCompare(b.name));
}

function view(
  name: string,
  persistent: ZoneState,
  config: ZoneConfig,
  live: ZoneSnapshot | undefined,
): ZoneView {
  const caps: ZoneView['caps'] = {};
  if (config['memory-cap'] !== undefined) {
    caps.memory = config['memory-cap'];
  }
  if (config['cpu-cap'] !== undefined) {
    caps.cpu = config['cpu-cap'];
  }
  if (config['max-processes'] !== undefined) {
    caps.processes = config['max-processes'];
  }

  const zone: ZoneView = {
    name,
    state: live?.state ?? persistent,
    id: live?.zoneId ?? null,
    brand: config.brand,
    zonepath: config.zonepath,
    hostname: config.hostname ?? name,
    caps,
  };
  if (live?.bootedAt !== undefined && live.state === 'running') {
    zone.bootedAt = live.bootedAt;
  }

  return zone;
}

import fs from 'node:fs';
import { existingCgroupDirs } from './cgroup/zone-cgroup.js';
import type { Host } from './host.js';
import { zoneMounts } from './host-mounts.js';
import type { ZoneLayout } from './layout.js';
import { askHolder } from './link/request.js';
import type { HolderState } from './protocol/messages.js';
import { liveHolderPid } from './teardown.js';
import type { Probe } from './types.js';
import { zoneIdOf } from './zone-id.js';

/**
 * What exists of a zone, read from the host. A holder that answers is the
 * truth about a ready or running zone; without one, any of the platform's
 * traces (namespace mounts, files, cgroups) means a holder died, and the
 * administration mounts mean the zone is mounted.
 */
export async function probeZone(
  host: Host,
  layout: ZoneLayout,
): Promise<Probe> {
  if (fs.existsSync(layout.socket)) {
    try {
      const { state } = await askHolder(layout.socket);
      return fromHolder(state);
    } catch {
      // Not listening, or hung: the traces below decide.
    }
  }

  const mounts = zoneMounts(layout);
  const traces =
    mounts.namespaces.length > 0 ||
    fs.existsSync(layout.platformDir) ||
    fs.existsSync(layout.socket) ||
    existingCgroupDirs(layout.cgroupName, host.hierarchies()).length > 0;

  if (traces) {
    const id = zoneIdOf(layout);
    const holderPid = liveHolderPid(layout);
    return {
      state: 'dead',
      ...(id !== undefined ? { id } : {}),
      ...(holderPid !== undefined ? { holderPid } : {}),
    };
  }

  return { state: mounts.admin.length > 0 ? 'mounted' : 'installed' };
}

export function fromHolder(state: HolderState): Probe {
  return {
    state: state.state,
    id: state.id,
    holderPid: state.holderPid,
    ...(state.generation !== undefined ? { generation: state.generation } : {}),
    ...(state.initPid !== undefined ? { initPid: state.initPid } : {}),
    ...(state.bootedAt !== undefined ? { bootedAt: state.bootedAt } : {}),
    ...(state.pendingUpcall ? { pendingUpcall: state.pendingUpcall } : {}),
  };
}

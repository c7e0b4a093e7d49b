import type { ZoneState } from '../core/states.js';
import type { Probe } from '../platform/types.js';
import type { ZoneSnapshot } from '../protocol/messages.js';

/** What a daemon tells about its zone: a status answer, or a stream's start. */
export function snapshotOf(
  zone: string,
  state: ZoneState,
  probe: Probe,
): ZoneSnapshot {
  const snapshot: ZoneSnapshot = {
    name: zone,
    state,
    zoneId: state === 'installed' ? null : (probe.id ?? null),
    daemonPid: process.pid,
    time: new Date().toISOString(),
  };

  if (probe.generation !== undefined) {
    snapshot.generation = probe.generation;
  }
  if (probe.bootedAt !== undefined) {
    snapshot.bootedAt = probe.bootedAt;
  }

  return snapshot;
}

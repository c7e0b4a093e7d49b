/**
 * A zone's state as the daemon reports it, read from the zone index (for
 * the persistent states) and from the host (for everything beyond). Nothing
 * here comes from a file the daemon wrote itself.
 */
import type { PersistentState, ZoneState } from '../core/states.js';
import type { Probe } from '../platform/types.js';

export interface Observed {
  /** The zone index's state. */
  persistent: PersistentState;
  probe: Probe;
  /**
   * A teardown was tried and failed, so what is left is on its way down,
   * not up. Kept in memory only: a new daemon sees just what the host shows.
   */
  teardownFailed: boolean;
}

export function deriveState({
  persistent,
  probe,
  teardownFailed,
}: Observed): ZoneState {
  if (persistent !== 'installed') {
    return persistent;
  }

  // The zone's init ended and nobody has torn the platform down yet.
  const upcall = probe.pendingUpcall;
  if (upcall && upcall.generation === probe.generation) {
    return probe.state === 'installed' ? 'installed' : 'down';
  }

  switch (probe.state) {
    case 'running':
      return teardownFailed ? 'shutting_down' : 'running';
    case 'ready':
      return teardownFailed ? 'down' : 'ready';
    case 'mounted':
      return 'mounted';
    case 'dead':
      return 'down';
    case 'installed':
      return 'installed';
  }
}

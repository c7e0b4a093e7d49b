/**
 * A zone's state as the daemon reports it, read from the zone index (for
 * the persistent states) and from the host (for everything beyond). Nothing
 * here comes from a file the daemon wrote itself.
 *
 * The two teardown states mean, on Linux:
 * - shutting_down: the zone is on its way down but its platform stands:
 *   its init ended (an upcall waits), or a teardown failed while the zone's
 *   processes still ran;
 * - down: nothing of the zone runs, but the platform is not gone: its holder
 *   died, or a teardown failed after the processes had ended.
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

  // The zone asked to go down (its init ended) and the platform still
  // stands: it is shutting down until the daemon acts on that. A holder
  // forgets its pending upcall when it boots again, so one it still holds
  // belongs to its last boot.
  if (probe.pendingUpcall && probe.state !== 'installed') {
    return 'shutting_down';
  }

  switch (probe.state) {
    case 'running':
      return teardownFailed ? 'shutting_down' : 'running';
    case 'ready':
      return teardownFailed ? 'down' : 'ready';
    case 'mounted':
      return 'mounted';
    case 'dead':
      // Nothing of the zone runs, but what its holder left is still there.
      return 'down';
    case 'installed':
      return 'installed';
  }
}

/**
 * Which actions ask before they run. Stopping or tearing something down asks
 * y/N with No the default; destroying files or configuration asks for the
 * zone's name, since a stray `y` must not cost a zone.
 */
import type { DoorCommand } from '../../src/client/types.js';
import type { ZoneState } from '../../src/core/states.js';
import type { Removal } from './ui-state.js';

export type Confirmation = 'none' | 'yes-no';

export function confirmationFor(
  command: DoorCommand,
  state: ZoneState,
): Confirmation {
  switch (command) {
    case 'halt':
    case 'reboot':
    case 'unmount':
      return 'yes-no';
    case 'ready':
      // Readying a running zone stops everything in it.
      return state === 'running' ? 'yes-no' : 'none';
    default:
      return 'none';
  }
}

/**
 * What `x` does to a zone in `state`: a zone with files is uninstalled, one
 * with only a configuration is deleted, and an active zone must be halted
 * first (undefined).
 */
export function removalFor(state: ZoneState): Removal | undefined {
  switch (state) {
    case 'configured':
      return 'delete';
    case 'installed':
    case 'incomplete':
      return 'uninstall';
    default:
      return undefined;
  }
}

/**
 * Stable colours for zone states, the same everywhere a state is shown:
 * running is green, a state on its way somewhere is yellow, a state left
 * behind by a failure is red, and a zone at rest on disk is dim.
 */
import type { ZoneState } from '../../src/core/states.js';

export interface StateStyle {
  color?: 'green' | 'yellow' | 'red' | 'cyan';
  dim?: boolean;
}

const STYLES: Record<ZoneState, StateStyle> = {
  running: { color: 'green' },
  // Active but not running: set up, waiting for boot or for an operator.
  ready: { color: 'cyan' },
  mounted: { color: 'cyan' },
  shutting_down: { color: 'yellow' },
  down: { color: 'yellow' },
  // Outside an install or uninstall in progress (shown as such), this is
  // what an interrupted one leaves behind.
  incomplete: { color: 'red' },
  installed: { dim: true },
  configured: { dim: true },
};

/** A row with an operation in flight is transitional, whatever its state. */
export function stateStyle(state: ZoneState, pending: boolean): StateStyle {
  return pending ? { color: 'yellow' } : STYLES[state];
}

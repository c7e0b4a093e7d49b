/** Which zones the table shows, and which one is selected. */
import type { ZoneView } from '../../src/client/types.js';
import type { UiState } from './ui-state.js';

/** True when the filter text appears in the zone's name, host, state or brand. */
export function matches(zone: ZoneView, filter: string): boolean {
  const needle = filter.trim().toLowerCase();

  if (needle === '') {
    return true;
  }

  return [zone.name, zone.hostname, zone.state, zone.brand].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

/** The rows of the table: the zones the filter lets through, by name. */
export function visibleZones(state: UiState): ZoneView[] {
  return state.zones
    .filter((zone) => matches(zone, state.filter))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The row that is selected. A selected zone that disappeared (deleted,
 * filtered out) hands the selection to the row now at its place.
 */
export function selectedIndex(state: UiState, rows = visibleZones(state)) {
  if (rows.length === 0) {
    return -1;
  }

  const at = rows.findIndex((zone) => zone.name === state.selected);
  if (at >= 0) {
    return at;
  }

  if (state.selected === undefined) {
    return 0;
  }

  const selected = state.selected;
  const after = rows.findIndex((zone) => zone.name > selected);

  return after >= 0 ? after : rows.length - 1;
}

export function selectedZone(state: UiState): ZoneView | undefined {
  const rows = visibleZones(state);

  return rows[selectedIndex(state, rows)];
}

/** The name to select after moving `delta` rows, clamped to the table. */
export function moveSelection(
  state: UiState,
  delta: number,
): string | undefined {
  const rows = visibleZones(state);
  if (rows.length === 0) {
    return state.selected;
  }

  const from = selectedIndex(state, rows);
  const to = Math.max(0, Math.min(rows.length - 1, from + delta));

  return rows[to]?.name;
}

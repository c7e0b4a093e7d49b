import type { ZoneState } from '../core/states.js';
import type { AdminContext } from './context.js';

export interface ZoneSummary {
  /** The running zone's id; null while nothing of it runs. */
  id: number | null;
  name: string;
  state: ZoneState;
  zonepath: string;
  brand: string;
}

export interface ListFilter {
  /** Every configured zone. */
  configured: boolean;
  /** Installed zones and those beyond. */
  installed: boolean;
}

const RUNNING: readonly ZoneState[] = ['running'];
const INSTALLED: readonly ZoneState[] = [
  'installed',
  'ready',
  'mounted',
  'running',
  'shutting_down',
  'down',
];

/** The zones `list` shows, sorted by name, as `zoneadm list` would pick them. */
export function listZones(
  ctx: AdminContext,
  filter: ListFilter,
): ZoneSummary[] {
  const shown = (state: ZoneState) =>
    filter.configured ||
    (filter.installed ? INSTALLED.includes(state) : RUNNING.includes(state));

  return (
    Object.entries(ctx.index.read().zones)
      .map(([name, record]) => ({
        id: null,
        name,
        state: record.state as ZoneState,
        zonepath: record.config.zonepath,
        brand: record.config.brand,
      }))
      .filter((zone) => shown(zone.state))
      // Plain code-point order: Intl collation costs milliseconds to load.
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  );
}

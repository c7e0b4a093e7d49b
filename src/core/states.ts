/**
 * A zone's states. The first three are kept in the zone index; the rest are
 * read from what exists on the host, so they can never be stale.
 */
export const ZONE_STATES = [
  'configured',
  'incomplete',
  'installed',
  'ready',
  'mounted',
  'running',
  'shutting_down',
  'down',
] as const;

export type ZoneState = (typeof ZONE_STATES)[number];

export const PERSISTENT_STATES = [
  'configured',
  'incomplete',
  'installed',
] as const;

export type PersistentState = (typeof PERSISTENT_STATES)[number];

export function isZoneState(value: string): value is ZoneState {
  return (ZONE_STATES as readonly string[]).includes(value);
}

/** True once the zone has files on disk and a platform may exist for it. */
export function isInstalledOrBeyond(state: ZoneState): boolean {
  return !['configured', 'incomplete'].includes(state);
}

/** True when something of the zone exists beyond its files. */
export function isActive(state: ZoneState): boolean {
  return isInstalledOrBeyond(state) && state !== 'installed';
}

/**
 * Uptime at minute resolution, counted in wall-clock minutes: every zone's
 * uptime ticks on the same minute boundary, so an idle UI wakes at most
 * once a minute, whatever the number of running zones. The price is an
 * uptime that may read up to 59 seconds long.
 */
export const MINUTE_MS = 60_000;

export interface UptimeParts {
  days: number;
  hours: number;
  minutes: number;
}

export function uptimeParts(bootedAt: number, now: number): UptimeParts {
  const minutes = Math.max(
    0,
    Math.floor(now / MINUTE_MS) - Math.floor(bootedAt / MINUTE_MS),
  );

  return {
    days: Math.floor(minutes / (24 * 60)),
    hours: Math.floor(minutes / 60) % 24,
    minutes: minutes % 60,
  };
}

/** Milliseconds until the next wall-clock minute, when uptimes change. */
export function msUntilNextMinute(now: number): number {
  return MINUTE_MS - (now % MINUTE_MS);
}

import fs from 'node:fs';
import path from 'node:path';
import type { ZoneLayout } from './layout.js';

/**
 * Zone IDs: the smallest number no other ready or running zone of this
 * root holds. A claim is a link named by the number and pointing at the
 * zone, made atomically, so two zones readied at once never share one.
 * A claim whose zone has no platform folder any more is stale and reused.
 */
export function claimZoneId(layout: ZoneLayout): number {
  fs.mkdirSync(layout.idDir, { recursive: true, mode: 0o700 });

  for (let id = 1; ; id++) {
    const claim = path.join(layout.idDir, String(id));
    try {
      fs.symlinkSync(layout.zone, claim);
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }

    const holder = readClaim(claim);
    if (holder === layout.zone) {
      return id;
    }
    if (holder !== undefined && isStale(layout, holder)) {
      fs.rmSync(claim, { force: true });
      id--;
    }
  }
}

/** The ID this zone holds, if any. */
export function zoneIdOf(layout: ZoneLayout): number | undefined {
  for (const name of readDir(layout.idDir)) {
    if (readClaim(path.join(layout.idDir, name)) === layout.zone) {
      return Number(name);
    }
  }

  return undefined;
}

export function releaseZoneId(layout: ZoneLayout): void {
  const id = zoneIdOf(layout);

  if (id !== undefined) {
    fs.rmSync(path.join(layout.idDir, String(id)), { force: true });
  }
}

function isStale(layout: ZoneLayout, zone: string): boolean {
  const platformDir = path.join(path.dirname(layout.runDir), zone, 'platform');

  return !fs.existsSync(platformDir);
}

function readClaim(claim: string): string | undefined {
  try {
    return fs.readlinkSync(claim);
  } catch {
    return undefined;
  }
}

function readDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Where a zone's door lives; the client and the daemon agree on it here. */
import path from 'node:path';
import { zoneRunDir, type Paths } from '../core/paths.js';

export const DOOR_NAME = 'door';

/** The zone's request socket, inside its 0700 run directory. */
export function doorPath(paths: Paths, zone: string): string {
  return path.join(zoneRunDir(paths, zone), DOOR_NAME);
}

/** The daemon's own log, one file per zone. */
export function daemonLogPath(paths: Paths, zone: string): string {
  return path.join(paths.log, `zoneadmd-${zone}.log`);
}

/** One JSON record per transition request, for every zone. */
export function auditLogPath(paths: Paths): string {
  return path.join(paths.log, 'audit.log');
}

/** The zone's console socket, beside the door. */
export function consoleSocketPath(paths: Paths, zone: string): string {
  return path.join(zoneRunDir(paths, zone), 'console');
}

/**
 * Everything the zone's console printed. The holder writes it, so output
 * that came while no daemon was alive is there too.
 */
export function consoleLogPath(paths: Paths, zone: string): string {
  return path.join(paths.log, `${zone}.console.log`);
}

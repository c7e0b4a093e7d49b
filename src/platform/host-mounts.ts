import { mountPoints } from '../install/mounts.js';
import type { ZoneLayout } from './layout.js';

/**
 * What the host's mount table says about a zone. Read from the process's
 * own mount namespace: the host's, where zoneadmd must run.
 */
export interface ZoneMounts {
  /** Namespace files and their private folder, deepest first. */
  readonly namespaces: string[];
  /** The administration mounts under the zonepath's `lu`, deepest first. */
  readonly admin: string[];
}

export function zoneMounts(layout: ZoneLayout): ZoneMounts {
  const all = mountPoints();
  const under = (dir: string) =>
    all.filter((m) => m === dir || m.startsWith(`${dir}/`)).reverse();

  return { namespaces: under(layout.nsDir), admin: under(layout.adminDir) };
}

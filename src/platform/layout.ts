import { createHash } from 'node:crypto';
import path from 'node:path';
import { zoneRunDir } from '../core/paths.js';
import { zoneRoot } from '../install/sparse-root.js';
import { consoleLogPath } from '../protocol/paths.js';
import type { ZoneSpec } from './types.js';

/** The namespaces a ready zone keeps without any process in them. */
export const PERSISTED_NAMESPACES = ['mnt', 'uts', 'ipc', 'net'] as const;

export type NamespaceKind = (typeof PERSISTED_NAMESPACES)[number];

/** The folder of the host's cgroup trees that holds every zone's cgroup. */
export const CGROUP_PARENT = 'zonectl';

// A Unix socket's path must fit in sun_path, 108 bytes with its final NUL.
export const SOCKET_PATH_MAX_BYTES = 107;

/**
 * Where everything of one zone lives on the host. Each name is derived from
 * the zone's name and the alternate root, never read from a state file, so
 * a process that knows nothing else can find a zone's leftovers.
 */
export interface ZoneLayout {
  readonly zone: string;
  readonly hostname: string;
  readonly zonepath: string;
  /** The directory that becomes the zone's `/`. */
  readonly root: string;
  /** Where `mount` shows the zone's file systems to the host. */
  readonly adminDir: string;
  /** The zone's run directory, shared with its zoneadmd (mode 0700). */
  readonly runDir: string;
  /** The holder's socket; kept short because of SOCKET_PATH_MAX_BYTES. */
  readonly socket: string;
  /** Everything else the platform keeps: removed as a whole at halt. */
  readonly platformDir: string;
  readonly pidFile: string;
  /** A private mount holding the persisted namespace files. */
  readonly nsDir: string;
  readonly ns: Readonly<Record<NamespaceKind, string>>;
  /** Mount tables and the /dev template written for one ready. */
  readonly setupDir: string;
  /** The folder of claimed zone IDs, shared by the zones of one root. */
  readonly idDir: string;
  readonly holderLog: string;
  /** Everything the console printed, written by the holder. */
  readonly consoleLog: string;
  /** The zone's cgroup below CGROUP_PARENT in every hierarchy. */
  readonly cgroupName: string;
}

export function zoneLayout(spec: ZoneSpec): ZoneLayout {
  const runDir = zoneRunDir(spec.paths, spec.zone);
  const platformDir = path.join(runDir, 'platform');
  const nsDir = path.join(platformDir, 'ns');
  const ns = Object.fromEntries(
    PERSISTED_NAMESPACES.map((kind) => [kind, path.join(nsDir, kind)]),
  ) as Record<NamespaceKind, string>;

  return {
    zone: spec.zone,
    hostname: spec.config.hostname ?? spec.zone,
    zonepath: spec.config.zonepath,
    root: zoneRoot(spec.config.zonepath),
    adminDir: path.join(spec.config.zonepath, 'lu'),
    runDir,
    socket: path.join(runDir, 'holder.sock'),
    platformDir,
    pidFile: path.join(platformDir, 'holder.pid'),
    nsDir,
    ns,
    setupDir: path.join(platformDir, 'setup'),
    idDir: path.join(spec.paths.run, '.ids'),
    holderLog: path.join(spec.paths.log, `${spec.zone}.holder.log`),
    consoleLog: consoleLogPath(spec.paths, spec.zone),
    cgroupName: `${spec.zone}-${rootTag(spec.paths.run)}`,
  };
}

// Zones of different alternate roots may share a name; their cgroups, which
// live in one host-wide tree, must not.
export function rootTag(runDir: string): string {
  return createHash('sha256').update(runDir).digest('hex').slice(0, 8);
}

import type { Logger } from '../core/logger.js';
import type { Hierarchies } from './cgroup/hierarchy.js';

/**
 * How the platform gets the privileges it needs. As root, commands run as
 * they are. Rootless, they run inside the holder's user namespace, where
 * the caller is root over the zone's namespaces and nothing else; the
 * commands and their order are the same.
 */
export interface Privilege {
  readonly rootless: boolean;
  /** The command line that runs `command args` with the zone's privileges. */
  wrap(command: string, args: readonly string[]): [string, string[]];
}

export const rootPrivilege: Privilege = {
  rootless: false,
  wrap: (command, args) => [command, [...args]],
};

/**
 * A rootless caller outside any zone's holder: it runs commands as itself,
 * and steps that need the host's root refuse up front.
 */
export const userPrivilege: Privilege = {
  rootless: true,
  wrap: (command, args) => [command, [...args]],
};

/** Privilege through the user and mount namespaces of the holder `pid`. */
export function holderPrivilege(pid: number): Privilege {
  return {
    rootless: true,
    wrap: (command, args) => [
      'nsenter',
      [
        '--target',
        String(pid),
        '--user',
        '--mount',
        // Root inside is our own uid outside; setgroups is denied there.
        '--preserve-credentials',
        '--',
        command,
        ...args,
      ],
    ],
  };
}

/** What every step of the platform needs. */
export interface Host {
  readonly logger: Logger;
  readonly privilege: Privilege;
  /** The host's cgroup trees, read afresh at each call. */
  readonly hierarchies: () => Hierarchies;
}

/** True when this process may not act as root on the host. */
export function isRootless(): boolean {
  return process.getuid?.() !== 0;
}

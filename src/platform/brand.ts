import { fileURLToPath } from 'node:url';
import type { ZoneConfig } from '../config/zone-config.js';

/**
 * Where a brand's own programs appear inside its zones: a read-only bind
 * mount on the zone's /run, since the zone's /usr is the host's and must
 * stay untouched. Relative to the zone root.
 */
export const BRAND_DIR_IN_ZONE = 'run/zonectl-brand';

/** The init a zone runs unless its configuration names another. */
export const DEFAULT_INIT = `/${BRAND_DIR_IN_ZONE}/init`;

// From dist/src/platform/ back to the package root, where the brands'
// scripts live as they are in the source tree: the build need not copy them.
const PACKAGE_ROOT = new URL('../../../', import.meta.url);

/** The brand's folder of programs on the host. */
export function brandDir(brand: string): string {
  return fileURLToPath(new URL(`src/platform/brand/${brand}/`, PACKAGE_ROOT));
}

export function initOf(config: ZoneConfig): string {
  return config.init ?? DEFAULT_INIT;
}

/**
 * The arguments init gets: those given to boot, else the configured
 * bootargs split at white space.
 */
export function bootArgs(
  config: ZoneConfig,
  args: readonly string[],
): string[] {
  if (args.length > 0) {
    return [...args];
  }

  return (config.bootargs ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The environment a zone's init starts with: nothing of the host's, a PATH
 * that finds the brand's halt, reboot and poweroff first, and a terminal
 * type matching the console's emulator.
 */
export function zoneEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: `/${BRAND_DIR_IN_ZONE}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    TERM: 'xterm-256color',
    HOME: '/root',
    LANG: 'C.UTF-8',
    container: 'zonectl',
  };
}

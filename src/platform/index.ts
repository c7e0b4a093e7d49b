/**
 * The virtual platform, as the daemon and the tests get it. See README.md
 * in this folder for what each call does and what it leaves on the host.
 */
import { LinuxPlatform, type PlatformOptions } from './linux-platform.js';
import type { Platform } from './types.js';
import { unsupportedPlatform } from './unsupported.js';

export type { PlatformOptions } from './linux-platform.js';
export type * from './types.js';

export function createPlatform(
  options: PlatformOptions,
  platform: NodeJS.Platform = process.platform,
): Platform {
  return platform === 'linux'
    ? new LinuxPlatform(options)
    : unsupportedPlatform(platform);
}

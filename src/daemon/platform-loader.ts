/**
 * Where the daemon gets its platform. It is loaded on demand so that the
 * daemon's own code and its start-up checks run before the platform's.
 */
import type { Logger } from '../core/logger.js';
import type { Platform } from '../platform/types.js';

interface PlatformModule {
  createPlatform(options: { logger: Logger }): Platform;
}

// The platform layer is built beside the daemon; until both meet on one
// branch, its module is named here rather than imported statically, so the
// daemon compiles without it.
const PLATFORM_MODULE = '../platform/index.js';

export async function loadPlatform(logger: Logger): Promise<Platform> {
  const module = (await import(PLATFORM_MODULE)) as PlatformModule;

  return module.createPlatform({ logger });
}

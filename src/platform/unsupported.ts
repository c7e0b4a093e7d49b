import { errors } from '../core/errors/platform.js';
import type { Platform } from './types.js';

/**
 * The platform on a host that is not Linux: every call fails with one
 * clear, localized message instead of a confusing error from a missing
 * command.
 */
export function unsupportedPlatform(platform: string): Platform {
  const refuse = () => Promise.reject(errors.notLinux(platform));

  return {
    probe: refuse,
    ready: refuse,
    boot: refuse,
    halt: refuse,
    mount: refuse,
    unmount: refuse,
    cleanup: refuse,
    attach: refuse,
  };
}

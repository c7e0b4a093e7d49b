import { errors } from './errors/cli.js';

/** The host itself; it is never a zone zonectl manages. */
export const GLOBAL_ZONE = 'global';

// A letter or digit first, so a name can never look like an option or a
// hidden file; 64 characters at most, as on illumos.
const ZONENAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Throws a localized usage error unless `name` may name a zone. */
export function checkZoneName(name: string): string {
  if (name === GLOBAL_ZONE) {
    throw errors.globalZoneName();
  }

  if (!ZONENAME.test(name)) {
    throw errors.badZoneName(name);
  }

  return name;
}

export function isZoneName(name: string): boolean {
  return name !== GLOBAL_ZONE && ZONENAME.test(name);
}

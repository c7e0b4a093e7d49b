import { errors } from './errors/cli.js';
import {
  isZoneError,
  type MessageParams,
  type ZoneError,
} from './errors/zone-error.js';
import type { TFunction } from './i18n.js';

/** Translates parameters that refer to other messages. */
export function localizeParams(
  params: MessageParams,
  t: TFunction,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};

  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'object' ? t(value.ref) : value;
  }

  return out;
}

/** Any thrown value as a ZoneError; surprises become `internal`. */
export function asZoneError(error: unknown): ZoneError {
  return isZoneError(error) ? error : errors.internal(error);
}

/** The message an operator reads for `error`, in `t`'s language. */
export function describe(error: unknown, t: TFunction): string {
  const zoneError = asZoneError(error);

  return t(zoneError.key, localizeParams(zoneError.params, t));
}

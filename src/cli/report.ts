import { asZoneError, localizeParams } from '../core/describe.js';
import type { TFunction } from '../core/i18n.js';

/**
 * Writes an error for the operator: one localized line, or a JSON object
 * with the code and the values for scripts. Returns the exit status.
 */
export function reportError(
  error: unknown,
  t: TFunction,
  json: boolean,
  stderr: NodeJS.WritableStream = process.stderr,
): number {
  const zoneError = asZoneError(error);
  const params = localizeParams(zoneError.params, t);
  const message = t(zoneError.key, params);

  if (json) {
    const body = { error: { code: zoneError.code, message, params } };
    stderr.write(`${JSON.stringify(body)}\n`);
  } else {
    stderr.write(`zonectl: ${message}\n`);
  }

  if (zoneError.code === 'internal' && process.env.ZONECTL_DEBUG) {
    stderr.write(
      `${zoneError.cause instanceof Error ? zoneError.cause.stack : ''}\n`,
    );
  }

  return zoneError.exit;
}

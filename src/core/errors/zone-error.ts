import { EXIT_FAILED, EXIT_USAGE, type ExitStatus } from '../exit-status.js';

/** A value that is itself a message key, translated when shown. */
export interface MessageRef {
  readonly ref: string;
}

/** Values interpolated into a localized message. */
export type MessageParams = Record<string, string | number | MessageRef>;

/** Refers to another message, so a parameter follows the reader's language. */
export function ref(key: string): MessageRef {
  return { ref: key };
}

/**
 * The one error type zonectl raises on purpose. `code` names the message
 * under `errors` in the layer's locale namespace (`cli:errors.unknownZone`),
 * `params` are the values the message shows, and `exit` is the status a
 * command ends with when this error reaches the top. Instances are built
 * only by the factories in this folder, one file per layer, so each message
 * has one home.
 */
export class ZoneError extends Error {
  override readonly name = 'ZoneError';

  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly exit: ExitStatus = EXIT_FAILED,
    options?: { cause?: unknown; ns?: string },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.ns = options?.ns ?? 'cli';
  }

  /** The locale namespace (one per layer) that holds the message. */
  readonly ns: string;

  /** The i18next key of this error's message. */
  get key(): string {
    return `${this.ns}:errors.${this.code}`;
  }
}

export function isZoneError(value: unknown): value is ZoneError {
  return value instanceof ZoneError;
}

/** A short description of what went wrong underneath, for a message. */
export function reason(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }

  return String(cause);
}

/**
 * The builders each layer's error file uses: usage errors exit 2, failures
 * exit 1, and both find their message in the layer's namespace `ns`.
 */
export function errorMaker(ns: string) {
  return {
    usage: (code: string, params: MessageParams = {}) =>
      new ZoneError(code, params, EXIT_USAGE, { ns }),
    failed: (code: string, params: MessageParams = {}, cause?: unknown) =>
      new ZoneError(code, params, EXIT_FAILED, { cause, ns }),
    reason,
  };
}

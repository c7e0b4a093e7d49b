import { EXIT_FAILED, EXIT_USAGE, type ExitStatus } from './exit-status.js';

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
 * The one error type zonectl raises on purpose. `code` is the i18next key
 * under the `errors` namespace, `params` are the values the message shows, and
 * `exit` is the status a command ends with when this error reaches the top.
 * Every instance is built by a factory below, so each message has one home.
 */
export class ZoneError extends Error {
  override readonly name = 'ZoneError';

  constructor(
    readonly code: string,
    readonly params: MessageParams = {},
    readonly exit: ExitStatus = EXIT_FAILED,
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
  }

  /** The i18next key of this error's message. */
  get key(): string {
    return `errors:${this.code}`;
  }
}

export function isZoneError(value: unknown): value is ZoneError {
  return value instanceof ZoneError;
}

// A state shown in the reader's language; scripts still get the code.
function stateRef(state: string): MessageRef {
  return ref(`cli:state.${state}`);
}

function usage(code: string, params: MessageParams = {}): ZoneError {
  return new ZoneError(code, params, EXIT_USAGE);
}

function failed(
  code: string,
  params: MessageParams = {},
  cause?: unknown,
): ZoneError {
  return new ZoneError(code, params, EXIT_FAILED, { cause });
}

function reason(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }

  return String(cause);
}

export const errors = {
  // The command line.
  unknownCommand: (command: string) => usage('unknownCommand', { command }),
  unknownOption: (option: string, command: string) =>
    usage('unknownOption', { option, command }),
  optionNeedsValue: (option: string) => usage('optionNeedsValue', { option }),
  missingArgument: (argument: string, command: string) =>
    usage('missingArgument', { argument, command }),
  extraArgument: (argument: string, command: string) =>
    usage('extraArgument', { argument, command }),
  badLanguage: (lang: string, allowed: string) =>
    usage('badLanguage', { lang, allowed }),
  badRoot: (root: string) => usage('badRoot', { root }),
  needsConfirmation: (command: string, zone: string) =>
    usage('needsConfirmation', { command, zone }),
  notConfirmed: (command: string, zone: string) =>
    failed('notConfirmed', { command, zone }),

  // Zone names.
  badZoneName: (zone: string) => usage('badZoneName', { zone }),
  globalZoneName: () => usage('globalZoneName'),
  unknownZone: (zone: string) => failed('unknownZone', { zone }),
  duplicateZone: (zone: string) => failed('duplicateZone', { zone }),

  // Configuration keys and values.
  badAssignment: (text: string) => usage('badAssignment', { text }),
  unknownKey: (key: string, allowed: string) =>
    usage('unknownKey', { key, allowed }),
  badValue: (key: string, value: string) =>
    usage('badValue', { key, value, allowed: ref(`keys:allowed.${key}`) }),
  keyFixedWhenInstalled: (key: string, zone: string, state: string) =>
    failed('keyFixedWhenInstalled', { key, zone, state: stateRef(state) }),
  zonepathInUse: (zonepath: string, other: string) =>
    failed('zonepathInUse', { zonepath, other }),

  // The stored configuration.
  corruptConfig: (file: string, cause: unknown) =>
    failed('corruptConfig', { file, reason: reason(cause) }, cause),
  configUnreadable: (file: string, cause: unknown) =>
    failed('configUnreadable', { file, reason: reason(cause) }, cause),
  configWriteFailed: (file: string, cause: unknown) =>
    failed('configWriteFailed', { file, reason: reason(cause) }, cause),
  configBusy: (file: string, pid: number) =>
    failed('configBusy', { file, pid }),

  // States.
  wrongState: (command: string, zone: string, state: string) =>
    failed('wrongState', { command, zone, state: stateRef(state) }),
  zoneActive: (command: string, zone: string, state: string) =>
    failed('zoneActive', { command, zone, state: stateRef(state) }),

  // Install and uninstall.
  zonepathNotEmpty: (zonepath: string) =>
    failed('zonepathNotEmpty', { zonepath }),
  installFailed: (zone: string, step: string, cause: unknown) =>
    failed('installFailed', { zone, step, reason: reason(cause) }, cause),
  uninstallFailed: (zone: string, cause: unknown) =>
    failed('uninstallFailed', { zone, reason: reason(cause) }, cause),

  // Anything we did not expect; the cause carries the detail.
  internal: (cause: unknown) =>
    failed('internal', { reason: reason(cause) }, cause),
};

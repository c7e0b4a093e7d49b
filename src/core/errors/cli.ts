/** The errors of the command line, the configuration and install. */
import { errorMaker, ref, type MessageRef } from './zone-error.js';

// A state shown in the reader's language; scripts still get the code.
function stateRef(state: string): MessageRef {
  return ref(`cli:state.${state}`);
}

const { usage, failed, reason } = errorMaker('cli');

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

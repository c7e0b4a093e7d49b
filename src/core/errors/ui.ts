/** The errors of the terminal UI; their messages are in `ui.json`. */
import { errorMaker, ref } from './zone-error.js';

const { usage, failed, reason } = errorMaker('ui');

export const uiErrors = {
  needsTerminal: () => usage('needsTerminal'),
  noZoneSelected: () => failed('noZoneSelected'),
  stillLoading: () => failed('stillLoading'),
  zoneActive: (zone: string, state: string) =>
    failed('zoneActive', { zone, state: ref(`ui:state.${state}`) }),
  zoneBusy: (zone: string) => failed('zoneBusy', { zone }),
  noConsole: (zone: string) => failed('noConsole', { zone }),
  consoleFailed: (zone: string, cause: unknown) =>
    failed('consoleFailed', { zone, reason: reason(cause) }, cause),
  prefsUnreadable: (file: string, cause: unknown) =>
    failed('prefsUnreadable', { file, reason: reason(cause) }, cause),
  prefsUnwritable: (file: string, cause: unknown) =>
    failed('prefsUnwritable', { file, reason: reason(cause) }, cause),
  badDetachKey: (key: string) => usage('badDetachKey', { key }),
  nameRequired: () => usage('nameRequired'),
};

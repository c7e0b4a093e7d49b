/** The errors of the zone console, on both sides of its socket. */
import { errorMaker } from './zone-error.js';

const { usage, failed, reason } = errorMaker('console');

export const errors = {
  badEscape: (escape: string) => usage('badEscape', { escape }),
  noTerminal: () => usage('noTerminal'),
  refused: (zone: string, why: string) =>
    failed('refused', { zone, reason: why }),
  unreachable: (zone: string, cause: unknown) =>
    failed('unreachable', { zone, reason: reason(cause) }, cause),
  noLog: (zone: string) => failed('noLog', { zone }),
};

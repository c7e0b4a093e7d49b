/**
 * The errors of the zone daemon, its door and the client that talks to it.
 * Their messages live in `locales/<lang>/daemon.json` under `errors`.
 */
import { EXIT_USAGE } from '../exit-status.js';
import { errorMaker, ref, type MessageRef } from './zone-error.js';

// A state shown in the reader's language; scripts still get the code.
function stateRef(state: string): MessageRef {
  return ref(`cli:state.${state}`);
}

const { usage, failed, reason } = errorMaker('daemon');

export const daemonErrors = {
  // The transition table.
  invalidTransition: (command: string, zone: string, state: string) =>
    failed('invalidTransition', { command, zone, state: stateRef(state) }),
  transitionFailed: (command: string, zone: string, cause: unknown) =>
    failed('transitionFailed', { command, zone, reason: reason(cause) }, cause),
  goingAway: (zone: string) => failed('goingAway', { zone }),

  // Frames that could not be understood.
  badFrame: (detail: string) => usage('badFrame', { detail }),
  tooLarge: (size: number, max: number) => usage('tooLarge', { size, max }),
  badVersion: (got: string, want: number) => usage('badVersion', { got, want }),
  badMessage: (detail: string) => usage('badMessage', { detail }),
  notNow: () => usage('notNow'),

  // Starting a daemon.
  notForPeople: () => usage('notForPeople'),
  notManageable: (zone: string, state: string) =>
    failed('notManageable', { zone, state: stateRef(state) }),
  startFailed: (zone: string, cause: unknown) =>
    failed('startFailed', { zone, reason: reason(cause) }, cause),
  daemonDidNotStart: (zone: string, status: string, log: string) =>
    failed('daemonDidNotStart', { zone, status, log }),
  startTimeout: (zone: string, seconds: number, log: string) =>
    failed('startTimeout', { zone, seconds, log }),

  // Talking to a daemon.
  doorFailed: (zone: string, cause: unknown) =>
    failed('doorFailed', { zone, reason: reason(cause) }, cause),
  daemonGone: (zone: string) => failed('daemonGone', { zone }),
  badReply: (zone: string, detail: string) =>
    failed('badReply', { zone, detail }),

  // The command line of the daemon's verbs.
  noBootArgs: (command: string) => usage('noBootArgs', { command }),
  badState: (state: string, allowed: string) =>
    usage('badState', { state, allowed }),
  badTimeout: (value: string) => usage('badTimeout', { value }),
  waitTimeout: (
    zone: string,
    state: string,
    current: string,
    seconds: number,
  ) =>
    failed('waitTimeout', {
      zone,
      state: stateRef(state),
      current: stateRef(current),
      seconds,
    }),

  /**
   * A daemon's refusal, already in the reader's language: the CLI reports it
   * like any other error, with the daemon's exit status.
   */
  fromDaemon: (message: string, exit: number) =>
    exit === EXIT_USAGE
      ? usage('fromDaemon', { message })
      : failed('fromDaemon', { message }),
};

/**
 * Reaching a zone's daemon: connect to its door, or start a daemon when
 * there is none, then send one message and take the first answer. A daemon
 * that is going away, or a start that lost the race to another, is retried
 * transparently until START_TIMEOUT_MS has passed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { daemonErrors } from '../core/errors/daemon.js';
import type { Language } from '../core/language.js';
import type { Paths } from '../core/paths.js';
import { ZoneIndex } from '../config/zone-index.js';
import type { DoorCommand } from '../protocol/commands.js';
import type { ClientMessage, DaemonMessage } from '../protocol/messages.js';
import { daemonLogPath, doorPath } from '../protocol/paths.js';
import { DoorClosed, DoorSocket } from './door-socket.js';
import { startDaemon } from './start-daemon.js';

/**
 * How long a call may spend getting a daemon to answer. A cold start takes
 * a few hundred milliseconds; twenty racing starts on two cores take a few
 * seconds; beyond this something is wrong and the operator should hear so.
 */
export const START_TIMEOUT_MS = 20_000;

// After a lost start race, the winner needs a moment to open its door.
const RETRY_FIRST_MS = 10;
const RETRY_MAX_MS = 200;

// A daemon that closes without answering is restarted this many times,
// so that a daemon which dies on one particular request is not retried
// until the timeout.
const MAX_SILENT_CLOSES = 3;

export interface CallContext {
  paths: Paths;
  language: Language;
  env: NodeJS.ProcessEnv;
}

/**
 * When to start a daemon: `always` for transitions; `stale` only when a
 * door is left by a daemon that died (its zone may still be up); `never`.
 */
export type StartPolicy = 'always' | 'stale' | 'never';

export interface Answer {
  socket: DoorSocket;
  first: DaemonMessage;
}

export async function callDaemon(
  ctx: CallContext,
  zone: string,
  message: ClientMessage,
  policy: StartPolicy,
): Promise<Answer | undefined> {
  const door = doorPath(ctx.paths, zone);
  const deadline = Date.now() + START_TIMEOUT_MS;
  let retry = RETRY_FIRST_MS;
  let silent = 0;
  let checked = false;

  for (;;) {
    const connected = await connect(door, zone);

    if (connected instanceof DoorSocket) {
      const answer = await exchange(connected, message, zone);
      if (answer) {
        return answer;
      }
      if (++silent > MAX_SILENT_CLOSES) {
        throw daemonErrors.daemonGone(zone);
      }
    } else {
      if (policy === 'never' || (policy === 'stale' && connected === 'none')) {
        return undefined;
      }
      if (!checked) {
        if (!manageable(ctx, zone, message)) {
          return undefined;
        }
        checked = true;
      }

      const started = await startDaemon({ ...ctx, zone });
      if (started.type === 'died') {
        throw daemonErrors.daemonDidNotStart(
          zone,
          started.status,
          daemonLogPath(ctx.paths, zone),
        );
      }
      if (started.status === 'failed') {
        throw daemonErrors.fromDaemon(started.message ?? '', started.exit ?? 1);
      }
      if (started.status === 'busy') {
        await sleep(retry);
        retry = Math.min(retry * 2, RETRY_MAX_MS);
      }
    }

    if (Date.now() > deadline) {
      throw daemonErrors.startTimeout(
        zone,
        START_TIMEOUT_MS / 1000,
        daemonLogPath(ctx.paths, zone),
      );
    }
  }
}

/** A socket, or why there is none: no door at all, or a dead daemon's. */
async function connect(
  door: string,
  zone: string,
): Promise<DoorSocket | 'none' | 'stale'> {
  try {
    return await DoorSocket.connect(door);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return 'none';
    }
    if (code === 'ECONNREFUSED') {
      return 'stale';
    }
    throw daemonErrors.doorFailed(zone, error);
  }
}

/** The first answer, or undefined when the daemon is going away. */
async function exchange(
  socket: DoorSocket,
  message: ClientMessage,
  zone: string,
): Promise<Answer | undefined> {
  try {
    socket.send(message);
    const first = await socket.next();

    if (first.type === 'reply' && first.code === 'goingAway') {
      socket.close();
      return undefined;
    }

    return { socket, first };
  } catch (error) {
    socket.close();
    if (!(error instanceof DoorClosed)) {
      throw error;
    }
    if (error.detail !== undefined) {
      throw daemonErrors.badReply(zone, error.detail);
    }
    return undefined;
  }
}

/**
 * Checks the zone index before starting a daemon: an unknown zone is an
 * error, and a zone that is not installed has no daemon to start. For a
 * transition that is the table's "invalid" answer, given without a daemon.
 */
function manageable(
  ctx: CallContext,
  zone: string,
  message: ClientMessage,
): boolean {
  const state = new ZoneIndex(ctx.paths).get(zone).state;

  if (state === 'installed') {
    return true;
  }
  if (message.type === 'request') {
    throw daemonErrors.invalidTransition(
      message.command satisfies DoorCommand,
      zone,
      state,
    );
  }

  return false;
}

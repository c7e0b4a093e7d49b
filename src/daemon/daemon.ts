/**
 * zoneadmd's life: check that the zone may have a daemon, take the zone's
 * lock, read the zone from the host, open the door, say "ready" to whoever
 * started it, serve, and go away once the zone is back at installed.
 */
import { asZoneError, describe } from '../core/describe.js';
import { daemonErrors } from '../core/errors/daemon.js';
import type { Messages } from '../core/i18n.js';
import type { Logger } from '../core/logger.js';
import type { Paths } from '../core/paths.js';
import { checkZoneName } from '../core/zonename.js';
import { ZoneIndex } from '../config/zone-index.js';
import type { Platform } from '../platform/types.js';
import { ConsoleServer } from '../console/console-server.js';
import {
  auditLogPath,
  consoleSocketPath,
  doorPath,
} from '../protocol/paths.js';
import { AuditLog } from './audit.js';
import { DoorServer } from './door-server.js';
import { EventHub } from './event-hub.js';
import { acquireZoneLock, type ZoneLock } from './exclusive.js';
import type { Handshake } from './handshake.js';
import { ZoneManager } from './zone-manager.js';

export interface DaemonOptions {
  zone: string;
  paths: Paths;
  /** Set to the starter's language, for the start-up errors it reads. */
  messages: Messages;
  logger: Logger;
  handshake: Handshake;
  loadPlatform(logger: Logger): Promise<Platform>;
}

/**
 * How long a daemon whose zone is installed waits for its first request.
 * Whoever started it connects within milliseconds; the margin covers a
 * host busy starting many processes at once, and a daemon nobody talks to
 * then leaves instead of lingering.
 */
export const IDLE_AT_INSTALLED_MS = 10_000;

/**
 * How long a daemon that is leaving waits for its last answers to go out
 * before it exits anyway. Answers take milliseconds; a client that keeps
 * its end open must not keep the daemon, and the zone does not mind.
 */
export const LEAVE_GRACE_MS = 2000;

/** Runs the daemon; resolves with its exit status when it has ended. */
export async function runDaemon(options: DaemonOptions): Promise<number> {
  const { zone, paths, messages, logger, handshake } = options;
  let lock: ZoneLock | undefined;

  try {
    checkZoneName(zone);
    const index = new ZoneIndex(paths);
    const persistent = index.get(zone).state;
    if (persistent !== 'installed') {
      throw daemonErrors.notManageable(zone, persistent);
    }

    lock = await acquireZoneLock(paths, zone);
    if (!lock) {
      logger.info('another daemon already serves the zone');
      handshake.busy();
      return 0;
    }

    const platform = await options.loadPlatform(logger);
    const hub = new EventHub();
    const audit = new AuditLog(auditLogPath(paths), logger);
    const manager = new ZoneManager({
      zone,
      paths,
      platform,
      index,
      logger,
      hub,
      audit,
    });
    const console = consoleFor(options, manager, hub);
    const started = await manager.start();

    return await serve({ ...options, lock, manager, hub, console, started });
  } catch (error) {
    const zoneError = asZoneError(error);
    logger.error('daemon could not start', { error, code: zoneError.code });
    handshake.failed(
      zoneError.code,
      zoneError.exit === 2 ? 2 : 1,
      describe(zoneError, messages.t),
    );
    lock?.release();
    return zoneError.exit;
  }
}

/**
 * The zone's console, fed by the holder link whenever there is one, with a
 * notice to its clients for every event. Wired before the manager starts,
 * so that a zone recovered at start has its console at once.
 */
function consoleFor(
  options: DaemonOptions,
  manager: ZoneManager,
  hub: EventHub,
): ConsoleServer {
  const console = new ConsoleServer({
    socketPath: consoleSocketPath(options.paths, options.zone),
    zone: options.zone,
    messages: options.messages,
    logger: options.logger,
  });

  manager.onLink((link) => {
    if (link) {
      console.attachSource(link, link.backlog);
    } else {
      console.detachSource();
    }
  });
  hub.add({
    sendEvent: (event) => console.notify(event.event),
    backlogBytes: 0,
    end: () => undefined,
  });

  return console;
}

interface Running extends DaemonOptions {
  lock: ZoneLock;
  manager: ZoneManager;
  hub: EventHub;
  console: ConsoleServer;
  started: { state: string; recovered: boolean };
}

async function serve(run: Running): Promise<number> {
  const { zone, paths, messages, logger, manager, hub, lock, console } = run;
  let goingAway = false;
  let finish: (status: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => (finish = resolve));

  const door = new DoorServer({
    zone,
    door: doorPath(paths, zone),
    manager,
    hub,
    messages,
    logger,
    goingAway: () => goingAway,
    answered: maybeLeave,
  });
  const idle = setTimeout(maybeLeave, IDLE_AT_INSTALLED_MS);
  idle.unref();

  function leave(reason: string, end: 'goingAway' | 'shutdown'): void {
    if (goingAway) {
      return;
    }

    goingAway = true;
    manager.refusing = true;
    logger.info('daemon going away', { reason, state: manager.state });
    clearTimeout(idle);
    door.close();
    void console.close(end);
    lock.release();
    hub.endAll(end);
    manager.detach();
    setTimeout(() => process.exit(0), LEAVE_GRACE_MS).unref();
    finish(0);
  }

  // Installed, nothing queued and nobody on the console: the zone needs no
  // daemon. A zone being uninstalled sends its console clients away too.
  function maybeLeave(): void {
    const halted = manager.state === 'installed' || manager.uninstalling;
    const watched = console.clientCount > 0 && !manager.uninstalling;

    if (!goingAway && halted && !manager.busy && !watched) {
      leave('zone is installed', 'goingAway');
    }
  }

  await console.listen();
  await door.listen();
  manager.onSettled(maybeLeave);
  console.onClientsChange(maybeLeave);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => leave(`stopped by ${signal}`, 'shutdown'));
  }
  process.on('SIGHUP', () => logger.info('ignored SIGHUP'));

  run.handshake.ready();
  logger.info('daemon ready', {
    ...run.started,
    pid: process.pid,
    // From the process's start, Node's own start-up included.
    startMs: Math.round(performance.now()),
  });

  return ended;
}

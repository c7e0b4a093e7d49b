import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../core/errors/platform.js';
import { removeZoneCgroup } from './cgroup/zone-cgroup.js';
import { run } from './command.js';
import type { Host } from './host.js';
import { zoneMounts } from './host-mounts.js';
import type { ZoneLayout } from './layout.js';
import { isRunning, startTimeOf } from './proc.js';
import { holderTitle } from './protocol/holder-config.js';
import { releaseZoneId } from './zone-id.js';

/**
 * Removes everything of a zone's virtual platform that exists, whatever
 * state it was left in: the holder, every process in the zone's cgroup,
 * the cgroup, the namespace files, the platform's files and the zone's ID.
 * Each part is tried even when an earlier one fails; the first failure is
 * reported after. Safe to call when nothing exists.
 */
export async function teardown(host: Host, layout: ZoneLayout): Promise<void> {
  const failures: unknown[] = [];
  const attempt = async (part: () => unknown) => {
    try {
      await part();
    } catch (error) {
      host.logger.warn('teardown step failed', { zone: layout.zone, error });
      failures.push(error);
    }
  };

  await attempt(() => killHolder(host, layout));
  await attempt(() => killRecordedInit(host, layout));
  await attempt(() =>
    removeZoneCgroup(layout.cgroupName, host.hierarchies(), host.logger),
  );
  await attempt(() => unmountNamespaces(host, layout));
  await attempt(() => {
    fs.rmSync(layout.platformDir, { recursive: true, force: true });
    fs.rmSync(layout.socket, { force: true });
    releaseZoneId(layout);
  });

  if (failures.length > 0) {
    throw errors.stepFailed(layout.zone, 'teardown', failures[0]);
  }
}

/**
 * Unmounts the namespace files. Another teardown may be under way at the
 * same moment (the last commands of a daemon killed while it halted the
 * zone live on): a mount that went away meanwhile is not a failure, one
 * that is still there after a second try is.
 */
async function unmountNamespaces(host: Host, layout: ZoneLayout) {
  for (let tries = 1; ; tries++) {
    const mounts = zoneMounts(layout).namespaces;
    if (mounts.length === 0) {
      return;
    }

    try {
      await run(host.logger, 'umount', mounts);
      return;
    } catch (error) {
      if (tries >= 2 && zoneMounts(layout).namespaces.length > 0) {
        throw error;
      }
    }
  }
}

/** The holder's pid, if its pid file names a live holder of this zone. */
export function liveHolderPid(layout: ZoneLayout): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(layout.pidFile, 'utf8').trim());
  } catch {
    return undefined;
  }

  // A pid file can outlive its process, and pids are reused: only a
  // process that calls itself this zone's holder is one.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.startsWith(holderTitle(layout.socket)) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Notes the zone's init with its start time. A cgroup finds every process
 * of a zone, but a rootless zone may have none; killing its init ends its
 * PID namespace, and with it the zone, when its holder died.
 */
export function recordInit(layout: ZoneLayout, pid: number | undefined): void {
  const started = pid === undefined ? undefined : startTimeOf(pid);

  if (pid !== undefined && started !== undefined) {
    fs.writeFileSync(initFile(layout), `${pid} ${started}\n`);
  }
}

function killRecordedInit(host: Host, layout: ZoneLayout): void {
  let pid: number;
  let started: string | undefined;
  try {
    [pid, started] = fs
      .readFileSync(initFile(layout), 'utf8')
      .trim()
      .split(' ')
      .map((field, index) => (index === 0 ? Number(field) : field)) as [
      number,
      string,
    ];
  } catch {
    return;
  }

  if (isRunning(pid) && startTimeOf(pid) === started) {
    host.logger.info('killing an init left behind', { zone: layout.zone, pid });
    process.kill(pid, 'SIGKILL');
  }
}

function initFile(layout: ZoneLayout): string {
  return path.join(layout.platformDir, 'init.pid');
}

function killHolder(host: Host, layout: ZoneLayout): void {
  const pid = liveHolderPid(layout);

  if (pid !== undefined) {
    host.logger.info('killing a holder left behind', {
      zone: layout.zone,
      pid,
    });
    process.kill(pid, 'SIGKILL');
  }
}

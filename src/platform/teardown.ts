import fs from 'node:fs';
import { errors } from '../core/errors/platform.js';
import { removeZoneCgroup } from './cgroup/zone-cgroup.js';
import { run } from './command.js';
import type { Host } from './host.js';
import { zoneMounts } from './host-mounts.js';
import type { ZoneLayout } from './layout.js';
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
  await attempt(() =>
    removeZoneCgroup(layout.cgroupName, host.hierarchies(), host.logger),
  );
  await attempt(async () => {
    const mounts = zoneMounts(layout).namespaces;
    if (mounts.length > 0) {
      await run(host.logger, 'umount', mounts);
    }
  });
  await attempt(() => {
    fs.rmSync(layout.platformDir, { recursive: true, force: true });
    fs.rmSync(layout.socket, { force: true });
    releaseZoneId(layout);
  });

  if (failures.length > 0) {
    throw errors.stepFailed(layout.zone, 'teardown', failures[0]);
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

import fs from 'node:fs';
import { errors } from '../core/errors/cli.js';
import { isZoneError } from '../core/errors/zone-error.js';
import { checkZoneName } from '../core/zonename.js';
import type { PersistentState } from '../core/states.js';
import { buildSparseRoot } from '../install/sparse-root.js';
import { mountsUnder } from '../install/mounts.js';
import type { AdminContext } from './context.js';

async function setState(
  ctx: AdminContext,
  zone: string,
  state: PersistentState,
  reason: string,
): Promise<void> {
  await ctx.index.update((data) => {
    const record = data.zones[zone];
    if (record) {
      record.state = state;
    }
  });
  ctx.logger.info('zone state changed', { zone, state, reason });
}

/** Moves a zone from one persistent state to the next, or says why not. */
async function claim(
  ctx: AdminContext,
  command: string,
  zone: string,
  from: readonly PersistentState[],
): Promise<string> {
  checkZoneName(zone);

  const zonepath = await ctx.index.update((data) => {
    const record = data.zones[zone];
    if (!record) {
      throw errors.unknownZone(zone);
    }
    if (!from.includes(record.state)) {
      throw errors.wrongState(command, zone, record.state);
    }

    record.state = 'incomplete';
    return record.config.zonepath;
  });
  ctx.logger.info('zone state changed', {
    zone,
    state: 'incomplete',
    reason: command,
  });

  return zonepath;
}

function isEmptyDir(dir: string): boolean {
  return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0;
}

/**
 * Installs a zone: `incomplete` while the files are written, `installed`
 * after. On failure everything written is removed and the zone is
 * `configured` again.
 */
export async function installZone(
  ctx: AdminContext,
  zone: string,
): Promise<void> {
  const record = ctx.index.get(checkZoneName(zone));
  if (record.state !== 'configured') {
    throw errors.wrongState('install', zone, record.state);
  }

  const zonepath = record.config.zonepath;
  const existed = fs.existsSync(zonepath);
  if (existed && !isEmptyDir(zonepath)) {
    throw errors.zonepathNotEmpty(zonepath);
  }

  await claim(ctx, 'install', zone, ['configured']);
  let step = 'zonepath';

  try {
    fs.mkdirSync(zonepath, { recursive: true, mode: 0o700 });
    fs.chmodSync(zonepath, 0o700);
    buildSparseRoot(zonepath, {
      zone,
      hostname: record.config.hostname ?? zone,
      step: (name) => (step = name),
    });
  } catch (error) {
    removeFiles(zonepath, existed);
    await setState(ctx, zone, 'configured', 'install failed');
    throw isZoneError(error) ? error : errors.installFailed(zone, step, error);
  }

  await setState(ctx, zone, 'installed', 'install');
}

/** Removes a zone's files and returns it to `configured`. */
export async function uninstallZone(
  ctx: AdminContext,
  zone: string,
): Promise<void> {
  const record = ctx.index.get(checkZoneName(zone));
  const zonepath = record.config.zonepath;

  // Deleting through a live mount would reach into the host's own files.
  if (mountsUnder(zonepath).length > 0) {
    throw errors.zoneActive('uninstall', zone, record.state);
  }

  await claim(ctx, 'uninstall', zone, ['installed', 'incomplete']);

  try {
    removeFiles(zonepath, false);
  } catch (error) {
    throw errors.uninstallFailed(zone, error);
  }

  await setState(ctx, zone, 'configured', 'uninstall');
}

function removeFiles(zonepath: string, keepZonepath: boolean): void {
  if (!keepZonepath) {
    fs.rmSync(zonepath, { recursive: true, force: true });
    return;
  }

  for (const entry of fs.readdirSync(zonepath)) {
    fs.rmSync(`${zonepath}/${entry}`, { recursive: true, force: true });
  }
}

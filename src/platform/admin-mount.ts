import fs from 'node:fs';
import path from 'node:path';
import type { ZoneConfig } from '../config/zone-config.js';
import { errors } from '../core/errors/platform.js';
import { isZoneError } from '../core/errors/zone-error.js';
import { CommandError, run } from './command.js';
import type { Host } from './host.js';
import { zoneMounts } from './host-mounts.js';
import type { ZoneLayout } from './layout.js';
import { DEVICE_NODES, writeDevTemplate } from './setup/devices.js';
import { prepareFsEntries } from './setup/fs-entries.js';
import { bind, filesystem, fstab } from './setup/fstab.js';

// Arguments: 1 root table, 2 fs table or "", 3 dev template, 4 the view,
// 5 dev table.
const ADMIN_SCRIPT = `
set -e
mount --all --fstab "$1"
[ -z "$2" ] || mount --all --fstab "$2"
cp -a "$3/." "$4/dev/"
mount --all --fstab "$5"
`;

/**
 * Shows a zone's file systems to the host for administration, without
 * namespaces or processes: under `<zonepath>/lu` the host sees the zone
 * as it would see itself, with the host's /usr read only, its own /dev
 * and /run, and its configured file systems. Tools that need /proc can
 * bind the host's there themselves. Root only: a rootless caller could
 * mount nothing the host sees.
 */
export async function mountForAdmin(
  host: Host,
  layout: ZoneLayout,
  config: ZoneConfig,
): Promise<void> {
  if (host.privilege.rootless) {
    throw errors.rootlessMount(layout.zone);
  }

  const view = layout.adminDir;
  fs.mkdirSync(layout.runDir, { recursive: true, mode: 0o700 });
  const setup = fs.mkdtempSync(path.join(layout.runDir, 'admin-'));
  const under = (name: string) => path.join(view, name);

  try {
    fs.mkdirSync(view, { mode: 0o700 });
    // The fs entries' mount points are made in the zone root, which the
    // view shows; made there they are the same folders.
    const entries = prepareFsEntries(layout.zone, layout.root, config.fs).map(
      (e) => ({
        ...e,
        target: path.join(view, path.relative(layout.root, e.target)),
      }),
    );

    const files = {
      root: path.join(setup, 'root.fstab'),
      fs: entries.length > 0 ? path.join(setup, 'fs.fstab') : '',
      dev: path.join(setup, 'dev.fstab'),
      template: path.join(setup, 'dev'),
    };
    fs.writeFileSync(
      files.root,
      fstab([
        bind(layout.root, view),
        bind('/usr', under('usr'), 'ro', 'nosuid', 'nodev'),
        filesystem(
          'tmpfs',
          under('dev'),
          'mode=755',
          'size=1m',
          'nosuid',
          'noexec',
        ),
        filesystem('tmpfs', under('run'), 'mode=755', 'nosuid', 'nodev'),
      ]),
    );
    if (files.fs) {
      fs.writeFileSync(files.fs, fstab(entries));
    }
    writeDevTemplate(files.template);
    fs.writeFileSync(
      files.dev,
      fstab(
        DEVICE_NODES.map((node) => bind(`/dev/${node}`, under(`dev/${node}`))),
      ),
    );

    await run(host.logger, 'sh', [
      '-c',
      ADMIN_SCRIPT,
      'zonectl-mount',
      files.root,
      files.fs,
      files.template,
      view,
      files.dev,
    ]);
  } catch (error) {
    await unmountAdmin(host, layout).catch(() => {});
    throw asAdminError(layout.zone, error);
  } finally {
    fs.rmSync(setup, { recursive: true, force: true });
  }
}

/** Reverses mountForAdmin; safe when nothing is mounted. */
export async function unmountAdmin(
  host: Host,
  layout: ZoneLayout,
): Promise<void> {
  const mounts = zoneMounts(layout).admin;

  if (mounts.length > 0) {
    await run(host.logger, 'umount', mounts);
  }
  try {
    fs.rmdirSync(layout.adminDir);
  } catch {
    // Not there.
  }
}

function asAdminError(zone: string, error: unknown): unknown {
  if (isZoneError(error)) {
    return error;
  }
  if (error instanceof CommandError && error.missing) {
    return errors.toolMissing(zone, 'adminMount', error.command);
  }

  return errors.stepFailed(zone, 'adminMount', error);
}

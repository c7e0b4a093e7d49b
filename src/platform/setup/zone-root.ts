import fs from 'node:fs';
import path from 'node:path';
import type { ZoneConfig } from '../../config/zone-config.js';
import { errors, isPlatformStep } from '../../core/errors/platform.js';
import { CommandError, run } from '../command.js';
import type { Host } from '../host.js';
import type { ZoneLayout } from '../layout.js';
import { BRAND_DIR_IN_ZONE, brandDir } from '../brand.js';
import { DEVICE_NODES, writeDevTemplate } from './devices.js';
import { prepareFsEntries } from './fs-entries.js';
import { bind, filesystem, fstab, rbind } from './fstab.js';

// The script that runs inside the new namespaces. Each step names itself
// first, so that a failure can be reported as the step it stopped in.
// Arguments: 1 root table, 2 fs table or "", 3 dev template, 4 dev table,
// 5 zone root, 6 host name, 7 "keep" to leave the host's /proc in place.
const ROOT_SCRIPT = `
set -e
step=root
trap '[ $? -eq 0 ] || echo "zonectl-failed-step=$step" >&2' EXIT
mount --all --fstab "$1"
step=fs
[ -z "$2" ] || mount --all --fstab "$2"
step=devices
cp -a "$3/." "$5/dev/"
mount --all --fstab "$4"
step=hostname
hostname "$6"
step=loopback
ip link set lo up
step=pivot
cd "$5"
pivot_root . .
umount --lazy --no-canonicalize .
[ "$7" = keep ] || umount --lazy /proc
`;

// In the host's namespaces: make the namespace folder a private mount (a
// shared one refuses namespace files), then create and persist the
// namespaces around the script above.
const NAMESPACE_SCRIPT = `
ns=$1 script=$2
shift 2
mount --bind --make-private "$ns" "$ns" ||
  { echo "zonectl-failed-step=namespaces" >&2; exit 1; }
exec unshare --mount="$ns/mnt" --uts="$ns/uts" --ipc="$ns/ipc" \
  --net="$ns/net" --propagation private sh -c "$script" zonectl-root "$@"
`;

const MARKER = /^zonectl-failed-step=(\w+)$/m;

/**
 * Creates the zone's persisted namespaces and, inside them, its root: the
 * zone's files, the host's /usr read only, its own /dev, /dev/pts, /dev/shm,
 * /run and a read-only /sys, the configured file systems, the host name
 * and a loopback interface; then pivots into it. No process is left
 * running. Files it needs are written under the layout's setup folder.
 */
export async function buildZoneRoot(
  host: Host,
  layout: ZoneLayout,
  config: ZoneConfig,
): Promise<void> {
  const tables = writeSetupFiles(layout, config);
  const [command, args] = host.privilege.wrap('sh', [
    '-c',
    NAMESPACE_SCRIPT,
    'zonectl-ready',
    layout.nsDir,
    ROOT_SCRIPT,
    tables.root,
    tables.fs,
    tables.devTemplate,
    tables.dev,
    layout.root,
    layout.hostname,
    host.privilege.rootless ? 'keep' : '',
  ]);

  try {
    await run(host.logger, command, args);
  } catch (error) {
    throw asStepError(layout.zone, error);
  }
}

interface SetupFiles {
  root: string;
  fs: string;
  devTemplate: string;
  dev: string;
}

function writeSetupFiles(layout: ZoneLayout, config: ZoneConfig): SetupFiles {
  const root = layout.root;
  const dir = layout.setupDir;

  checkMountPoints(layout);
  const fsEntries = prepareFsEntries(layout.zone, root, config.fs);

  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(layout.nsDir, { recursive: true, mode: 0o700 });
  for (const file of Object.values(layout.ns)) {
    fs.writeFileSync(file, '');
  }

  const files = {
    root: path.join(dir, 'root.fstab'),
    fs: fsEntries.length > 0 ? path.join(dir, 'fs.fstab') : '',
    devTemplate: path.join(dir, 'dev'),
    dev: path.join(dir, 'dev.fstab'),
  };
  const under = (name: string) => path.join(root, name);

  fs.writeFileSync(
    files.root,
    fstab([
      bind(root, root),
      bind('/usr', under('usr'), 'ro', 'nosuid', 'nodev'),
      filesystem(
        'tmpfs',
        under('dev'),
        'mode=755',
        'size=1m',
        'nosuid',
        'noexec',
      ),
      filesystem(
        'tmpfs',
        under('run'),
        'mode=755',
        'size=20%',
        'nosuid',
        'nodev',
      ),
      // /run is a fresh tmpfs here, so creating the mount point is safe.
      bind(
        brandDir(config.brand),
        under(BRAND_DIR_IN_ZONE),
        'ro',
        'X-mount.mkdir',
      ),
      filesystem('sysfs', under('sys'), 'ro', 'nosuid', 'nodev', 'noexec'),
      // umount reads the mount table from /proc after the pivot. Rootless,
      // it stays: a user namespace may mount the zone's own proc at boot
      // only while one is fully visible, and each boot swaps it for the
      // zone's own, so no process of the zone sees it. A bind, because a
      // user namespace may not mount a proc for the host's PID namespace.
      rbind('/proc', under('proc')),
    ]),
  );
  if (files.fs) {
    fs.writeFileSync(files.fs, fstab(fsEntries));
  }
  writeDevTemplate(files.devTemplate);
  fs.writeFileSync(
    files.dev,
    fstab([
      filesystem(
        'devpts',
        under('dev/pts'),
        'newinstance',
        'ptmxmode=0666',
        'mode=620',
        'nosuid',
        'noexec',
      ),
      filesystem('tmpfs', under('dev/shm'), 'mode=1777', 'nosuid', 'nodev'),
      ...DEVICE_NODES.map((node) => bind(`/dev/${node}`, under(`dev/${node}`))),
    ]),
  );

  return files;
}

// The platform mounts over these folders before the zone is pivoted into,
// so a link there would point the mount at the host's own files.
function checkMountPoints(layout: ZoneLayout): void {
  for (const name of ['usr', 'dev', 'proc', 'sys', 'run']) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(path.join(layout.root, name));
    } catch (error) {
      throw errors.stepFailed(layout.zone, 'root', error);
    }
    if (!stat.isDirectory()) {
      throw errors.fsTargetUnsafe(layout.zone, `/${name}`, 'root');
    }
  }
}

function asStepError(zone: string, error: unknown): Error {
  if (!(error instanceof CommandError)) {
    return errors.stepFailed(zone, 'namespaces', error);
  }
  if (error.missing) {
    return errors.toolMissing(zone, 'namespaces', error.command);
  }

  const stderr = error.result?.stderr ?? '';
  const found = MARKER.exec(stderr)?.[1] ?? 'namespaces';
  const name = isPlatformStep(found) ? found : 'namespaces';
  const said = stderr.replace(MARKER, '').trim() || error.message;

  return errors.stepFailed(zone, name, new Error(said));
}

import fs from 'node:fs';
import path from 'node:path';
import {
  ETC_COPIES,
  MOUNT_POINTS,
  ROOT_LINKS,
  USR_LINKS,
  ZONE_DIRS,
} from './sparse-layout.js';

/** The directory that becomes the zone's `/`. */
export function zoneRoot(zonepath: string): string {
  return path.join(zonepath, 'root');
}

export interface BuildOptions {
  zone: string;
  hostname: string;
  /** The host's root, read for /etc files and /usr links; `/` but in tests. */
  hostRoot?: string;
  /** Told the name of each step before it runs, for error reports. */
  step?: (name: string) => void;
}

/**
 * Builds a sparse zone root under `zonepath`, which must exist and be empty.
 * Everything it writes lies under `zonepath`, so removing that undoes it.
 */
export function buildSparseRoot(zonepath: string, options: BuildOptions): void {
  const host = options.hostRoot ?? '/';
  const step = options.step ?? (() => {});
  const root = zoneRoot(zonepath);

  step('root');
  fs.mkdirSync(root, { mode: 0o755 });
  fs.chmodSync(root, 0o755);

  step('directories');
  for (const dir of [...ZONE_DIRS, ...MOUNT_POINTS]) {
    const target = path.join(root, dir.path);
    fs.mkdirSync(target, { recursive: true });
    // mkdir's mode passes through the umask; sticky bits need chmod anyway.
    fs.chmodSync(target, dir.mode);
  }

  step('links');
  for (const name of USR_LINKS) {
    if (fs.existsSync(path.join(host, 'usr', name))) {
      fs.symlinkSync(`usr/${name}`, path.join(root, name));
    }
  }
  for (const [link, target] of ROOT_LINKS) {
    fs.symlinkSync(target, path.join(root, link));
  }

  step('etc');
  for (const name of ETC_COPIES) {
    const source = path.join(host, 'etc', name);
    if (fs.existsSync(source) || isLink(source)) {
      fs.cpSync(source, path.join(root, 'etc', name), {
        recursive: true,
        verbatimSymlinks: true,
        preserveTimestamps: true,
      });
    }
  }

  step('identity');
  writeIdentity(root, options.hostname);
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

// The zone's own name files, so that tools inside agree with its hostname.
function writeIdentity(root: string, hostname: string): void {
  const etc = path.join(root, 'etc');

  fs.writeFileSync(path.join(etc, 'hostname'), `${hostname}\n`);
  fs.writeFileSync(
    path.join(etc, 'hosts'),
    `127.0.0.1\tlocalhost\n127.0.1.1\t${hostname}\n::1\tlocalhost ip6-localhost\n`,
  );
  fs.writeFileSync(path.join(etc, 'resolv.conf'), '');
  fs.writeFileSync(path.join(etc, 'fstab'), '');
  fs.writeFileSync(path.join(etc, 'machine-id'), '');

  // The zone learns the host's users, never their password hashes.
  for (const name of ['shadow', 'gshadow']) {
    const file = path.join(etc, name);
    if (fs.existsSync(file)) {
      fs.writeFileSync(file, lockPasswords(fs.readFileSync(file, 'utf8')), {
        mode: 0o640,
      });
    }
  }
}

function lockPasswords(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const fields = line.split(':');
      if (fields.length > 1) {
        fields[1] = '*';
      }
      return fields.join(':');
    })
    .join('\n');
}

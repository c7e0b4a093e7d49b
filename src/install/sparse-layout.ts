/**
 * What a `sparse` zone root holds on disk. The zone owns these directories;
 * the host's /usr and the merged /bin, /sbin and /lib* are mounted read-only
 * over the mount points when the zone is readied.
 */
export interface Dir {
  path: string;
  mode: number;
}

export const ZONE_DIRS: readonly Dir[] = [
  { path: 'etc', mode: 0o755 },
  { path: 'var', mode: 0o755 },
  { path: 'var/lib', mode: 0o755 },
  { path: 'var/log', mode: 0o755 },
  { path: 'var/cache', mode: 0o755 },
  { path: 'var/spool', mode: 0o755 },
  { path: 'var/tmp', mode: 0o1777 },
  { path: 'tmp', mode: 0o1777 },
  { path: 'home', mode: 0o755 },
  { path: 'root', mode: 0o700 },
  { path: 'run', mode: 0o755 },
  { path: 'opt', mode: 0o755 },
  { path: 'srv', mode: 0o755 },
  { path: 'mnt', mode: 0o755 },
];

/** Empty directories the platform mounts over. */
export const MOUNT_POINTS: readonly Dir[] = [
  { path: 'usr', mode: 0o755 },
  { path: 'proc', mode: 0o555 },
  { path: 'sys', mode: 0o555 },
  { path: 'dev', mode: 0o755 },
];

/** Links of a merged /usr; each is made only where the host has it too. */
export const USR_LINKS: readonly string[] = [
  'bin',
  'sbin',
  'lib',
  'lib32',
  'lib64',
  'libx32',
];

/**
 * Files and folders copied from the host's /etc: enough for a shell, user
 * lookups and the dynamic linker. `alternatives` matters because many
 * commands in /usr/bin are links through it.
 */
export const ETC_COPIES: readonly string[] = [
  'passwd',
  'group',
  'shadow',
  'gshadow',
  'hosts',
  'nsswitch.conf',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'profile',
  'profile.d',
  'bash.bashrc',
  'inputrc',
  'environment',
  'shells',
  'login.defs',
  'alternatives',
  'localtime',
  'os-release',
  'terminfo',
  'skel',
];

/** Links inside the zone root that Debian expects. */
export const ROOT_LINKS: readonly [string, string][] = [
  ['var/run', '../run'],
  ['var/lock', '../run/lock'],
];

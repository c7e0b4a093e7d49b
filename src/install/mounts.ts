import fs from 'node:fs';

// mountinfo escapes space, tab, newline and backslash as octal.
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) =>
    String.fromCharCode(Number.parseInt(oct, 8)),
  );
}

/** Mount points in this process's mount namespace, in mount order. */
export function mountPoints(mountinfo = '/proc/self/mountinfo'): string[] {
  return fs
    .readFileSync(mountinfo, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => unescape(line.split(' ')[4] ?? ''));
}

/** Mount points at or below `dir`. */
export function mountsUnder(dir: string, mountinfo?: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;

  return mountPoints(mountinfo).filter(
    (m) => m === dir || m.startsWith(prefix),
  );
}

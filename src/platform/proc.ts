import fs from 'node:fs';

/**
 * The fields of /proc/PID/stat after the command name, which may itself
 * hold spaces and parentheses; undefined when the process is gone.
 */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

export function parentOf(pid: number): number | undefined {
  const ppid = statFields(pid)?.[1];

  return ppid === undefined ? undefined : Number(ppid);
}

/**
 * When the process started, in clock ticks since boot: with the pid, an
 * identity that a reused pid cannot fake.
 */
export function startTimeOf(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** True while the process runs; a zombie has ended. */
export function isRunning(pid: number): boolean {
  const state = statFields(pid)?.[0];

  return state !== undefined && state !== 'Z';
}

import fs from 'node:fs';
import { errors } from '../core/errors/cli.js';

// Index updates take milliseconds; a holder for longer than this is stuck.
const LOCK_WAIT_MS = 5000;
const LOCK_RETRY_MS = 10;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): number {
  try {
    return Number.parseInt(fs.readFileSync(file, 'utf8'), 10) || 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `fn` while holding an exclusive lock file, so that two zonectl
 * processes never interleave a read and a write of the zone index. A lock
 * left by a process that died is taken over.
 */
export function withLock<T>(file: string, fn: () => T): T {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;

  while (fd === undefined) {
    try {
      fd = fs.openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw errors.configWriteFailed(file, error);
      }

      const pid = holderOf(file);
      if (pid > 0 && !isAlive(pid)) {
        fs.rmSync(file, { force: true });
        continue;
      }

      if (Date.now() > deadline) {
        throw errors.configBusy(file, pid);
      }
      sleepSync(LOCK_RETRY_MS);
    }
  }

  try {
    fs.writeSync(fd, String(process.pid));
    return fn();
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

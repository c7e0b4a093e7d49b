import os from 'node:os';
import type { Caller } from '../protocol/commands.js';

/**
 * Who this process is, as it tells the daemon. The daemon checks the pid
 * and uid against the kernel where it can (see the daemon's caller.ts).
 */
export function currentCaller(): Caller {
  const uid = process.getuid?.() ?? 0;
  let user = String(uid);

  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (a container with an arbitrary uid): the uid it is.
  }

  return { uid, pid: process.pid, user };
}

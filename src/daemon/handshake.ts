/**
 * The daemon's side of the start-up handshake: exactly one line, then the
 * descriptor is closed so the starter sees the end of it.
 */
import fs from 'node:fs';
import { HANDSHAKE_FD_ENV } from '../protocol/handshake.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import type { HandshakeMessage } from '../protocol/messages.js';

export interface Handshake {
  ready(): void;
  busy(): void;
  failed(code: string, exit: 1 | 2, message: string): void;
}

/** The handshake the starter set up, or undefined when started by hand. */
export function handshakeFromEnv(
  env: NodeJS.ProcessEnv,
): Handshake | undefined {
  const fd = Number(env[HANDSHAKE_FD_ENV]);

  if (!Number.isInteger(fd) || fd < 3 || !isPipe(fd)) {
    return undefined;
  }

  let done = false;
  const say = (fields: Omit<HandshakeMessage, 'v' | 'type' | 'pid'>) => {
    if (done) {
      return;
    }
    done = true;

    const line: HandshakeMessage = {
      v: PROTOCOL_VERSION,
      type: 'handshake',
      pid: process.pid,
      ...fields,
    };
    try {
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
      fs.closeSync(fd);
    } catch {
      // The starter gave up waiting; the daemon serves whoever comes next.
    }
  };

  return {
    ready: () => say({ status: 'ready' }),
    busy: () => say({ status: 'busy' }),
    failed: (code, exit, message) =>
      say({ status: 'failed', code, exit, message }),
  };
}

function isPipe(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

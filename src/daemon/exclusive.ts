/**
 * Exactly one daemon per zone. The lock is a Unix socket bound in Linux's
 * abstract namespace: binding it is atomic, a second bind fails, and the
 * kernel releases it the moment its owner dies, even by SIGKILL, so a dead
 * daemon never leaves a lock behind that the next one would have to judge.
 *
 * Abstract names carry no permissions, so the name includes a secret read
 * from the run directory (mode 0600): a user who cannot read it cannot
 * guess the name and hold the lock to keep daemons from starting.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { zoneRunDir, type Paths } from '../core/paths.js';

const KEY_FILE = '.lock-key';
const KEY_BYTES = 32;

export interface ZoneLock {
  release(): void;
}

/** Takes the zone's lock, or returns undefined when another daemon has it. */
export async function acquireZoneLock(
  paths: Paths,
  zone: string,
): Promise<ZoneLock | undefined> {
  const name = lockName(readKey(paths.run), zoneRunDir(paths, zone));
  const server = net.createServer((socket) => socket.destroy());

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        resolve(undefined);
      } else {
        reject(error);
      }
    });
    server.listen(name, () => {
      // The lock must not keep a daemon alive that has nothing else to do.
      server.unref();
      resolve({ release: () => server.close() });
    });
  });
}

function lockName(key: string, runDir: string): string {
  const digest = crypto
    .createHash('sha256')
    .update(key)
    .update('\0')
    .update(runDir)
    .digest('hex');

  return `\0zonectl-zoneadmd-${digest.slice(0, 40)}`;
}

/**
 * The secret, created once per run directory. It is written to a temporary
 * file and linked into place, so a racing daemon reads either nothing (and
 * links its own, which fails) or the whole key, never half of one.
 */
function readKey(runRoot: string): string {
  const file = path.join(runRoot, KEY_FILE);

  fs.mkdirSync(runRoot, { recursive: true, mode: 0o755 });

  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }

  const temp = `${file}.${process.pid}`;
  fs.writeFileSync(temp, crypto.randomBytes(KEY_BYTES).toString('hex'), {
    mode: 0o600,
  });

  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }

  return fs.readFileSync(file, 'utf8');
}

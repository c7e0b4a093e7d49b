/**
 * Who is on the other end of a door connection. Node cannot ask the kernel
 * for a Unix socket's peer credentials (SO_PEERCRED), so the request says who
 * sends it, and the daemon checks that claim against the kernel's own
 * records where it can:
 *
 * 1. the kernel lets only the daemon's user (root, in practice) reach the
 *    door, because its directory has mode 0700: that much always holds;
 * 2. `ss` (sock_diag) names the inode of the socket at the other end of this
 *    connection;
 * 3. if the claimed pid holds a descriptor for that inode, the pid is
 *    verified, and its uid is read from /proc and its name from the host's
 *    passwd file, replacing what was claimed.
 *
 * When any step fails (no `ss`, the caller already gone, a pid from another
 * pid namespace), the record keeps the claim and says `verified: false`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import type net from 'node:net';
import type { Logger } from '../core/logger.js';
import type { Caller } from '../protocol/commands.js';

export interface Who extends Caller {
  /** True when pid, uid and user were read from the kernel, not the claim. */
  verified: boolean;
}

// `ss` answers in a few milliseconds; one that hangs must not hold an audit
// record (and so a reply) for long.
const SS_TIMEOUT_MS = 2000;

export async function identify(
  socket: net.Socket,
  door: string,
  claimed: Caller,
  logger: Logger,
): Promise<Who> {
  try {
    const local = await socketInode(socket);
    const peer = local === undefined ? undefined : await peerInode(door, local);

    if (peer !== undefined && (await holds(claimed.pid, peer))) {
      const uid = await realUid(claimed.pid);
      if (uid !== undefined) {
        return {
          uid,
          pid: claimed.pid,
          user: (await userName(uid)) ?? claimed.user,
          verified: true,
        };
      }
    }
  } catch (error) {
    logger.debug('caller not verified', { error, claimed });
  }

  return { ...claimed, verified: false };
}

async function socketInode(socket: net.Socket): Promise<string | undefined> {
  // The descriptor is not public API; without it we simply cannot verify.
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) {
    return undefined;
  }

  return inodeOf(await fs.readlink(`/proc/self/fd/${fd}`));
}

function inodeOf(link: string): string | undefined {
  return /^socket:\[(\d+)\]$/.exec(link)?.[1];
}

/** `ss -x` lines end with: local-inode, peer-address ("*"), peer-inode. */
function peerInode(door: string, local: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'ss',
      ['-xHn', 'src', door],
      { timeout: SS_TIMEOUT_MS },
      (error, stdout) => {
        if (error) {
          resolve(undefined);
          return;
        }

        for (const line of stdout.split('\n')) {
          const fields = line.trim().split(/\s+/);
          if (fields.at(-3) === local) {
            resolve(fields.at(-1));
            return;
          }
        }
        resolve(undefined);
      },
    );
  });
}

async function holds(pid: number, inode: string): Promise<boolean> {
  const dir = `/proc/${pid}/fd`;
  const wanted = `socket:[${inode}]`;

  for (const fd of await fs.readdir(dir)) {
    const link = await fs.readlink(`${dir}/${fd}`).catch(() => '');
    if (link === wanted) {
      return true;
    }
  }

  return false;
}

async function realUid(pid: number): Promise<number | undefined> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];

  return uid === undefined ? undefined : Number(uid);
}

async function userName(uid: number): Promise<string | undefined> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');

  for (const line of passwd.split('\n')) {
    const [name, , id] = line.split(':');
    if (id !== undefined && Number(id) === uid) {
      return name;
    }
  }

  return undefined;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { errors } from '../../core/errors/platform.js';
import type { LogLevel, Logger } from '../../core/logger.js';
import type { ZoneLayout } from '../layout.js';
import { SOCKET_PATH_MAX_BYTES } from '../layout.js';
import type { HolderConfig } from '../protocol/holder-config.js';

// The holder's entry point, next to this folder once compiled.
export const HOLDER_MAIN = fileURLToPath(
  new URL('../holder/main.js', import.meta.url),
);

// The PATH the holder and the zone's wrappers find util-linux and bash in,
// whatever the caller's own environment was.
const HOLDER_PATH =
  '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface StartOptions {
  readonly id: number;
  readonly logLevel: LogLevel;
  /**
   * Rootless: the holder starts in a user namespace of its own, in which it
   * is root, and a mount namespace that holds the zone's namespace files.
   */
  readonly rootless: boolean;
}

/**
 * Starts a zone's holder, detached in its own session so that nothing that
 * happens to the caller reaches it, and waits until it serves its socket.
 * Resolves with its pid.
 */
export async function startHolder(
  layout: ZoneLayout,
  options: StartOptions,
  logger: Logger,
): Promise<number> {
  if (Buffer.byteLength(layout.socket) > SOCKET_PATH_MAX_BYTES) {
    throw errors.holderFailed(
      layout.zone,
      new Error(
        `socket path longer than ${SOCKET_PATH_MAX_BYTES} bytes: ${layout.socket}`,
      ),
    );
  }

  const config: HolderConfig = {
    zone: layout.zone,
    id: options.id,
    socket: layout.socket,
    pidFile: layout.pidFile,
    nsDir: layout.nsDir,
    consoleLog: layout.consoleLog,
    logLevel: options.logLevel,
    rootless: options.rootless,
  };
  const node = [process.execPath, HOLDER_MAIN, JSON.stringify(config)];
  const argv = options.rootless
    ? [
        'unshare',
        '--user',
        '--map-root-user',
        '--mount',
        '--propagation',
        'private',
        ...node,
      ]
    : node;

  fs.mkdirSync(path.dirname(layout.holderLog), { recursive: true });
  const log = fs.openSync(layout.holderLog, 'a', 0o600);
  let child;
  try {
    child = spawn(argv[0] as string, argv.slice(1), {
      detached: true,
      stdio: ['ignore', log, log, 'pipe'],
      env: { PATH: HOLDER_PATH },
    });
  } finally {
    fs.closeSync(log);
  }
  child.unref();

  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) =>
      resolve(
        `the holder ended (${signal ?? `exit status ${code}`}); see ${layout.holderLog}`,
      ),
    );
  });
  const pipe = child.stdio[3] as Readable | null;
  const line = pipe
    ? await Promise.race([readLine(pipe), exited.then(() => '')])
    : '';
  pipe?.destroy();
  const answer = line || (await exited);

  let message: { ok?: boolean; reason?: string; pid?: number } = {};
  try {
    message = JSON.parse(answer) as typeof message;
  } catch {
    message = { ok: false, reason: answer };
  }
  if (!message.ok || !message.pid) {
    throw errors.holderFailed(layout.zone, new Error(message.reason ?? answer));
  }

  logger.debug('holder answered', { zone: layout.zone, pid: message.pid });
  return message.pid;
}

function readLine(stream: Readable): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => {
      text += d;
      if (text.includes('\n')) {
        resolve(text.slice(0, text.indexOf('\n')));
      }
    });
    stream.on('error', () => {});
    stream.on('end', () => resolve(text));
  });
}

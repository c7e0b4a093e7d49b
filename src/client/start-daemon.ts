/**
 * Starts a zone's daemon, detached from this process, and waits for its
 * handshake: ready, busy (another daemon won the race), or failed with the
 * reason already in this operator's language.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Language } from '../core/language.js';
import type { Paths } from '../core/paths.js';
import { HANDSHAKE_FD, HANDSHAKE_FD_ENV } from '../protocol/handshake.js';
import type { HandshakeMessage } from '../protocol/messages.js';
import { parseHandshake } from '../protocol/parse.js';

// From dist/src/client/ back to the package's own bin/.
const ZONEADMD = fileURLToPath(
  new URL('../../../bin/zoneadmd', import.meta.url),
);

export type StartResult = HandshakeMessage | { type: 'died'; status: string };

export interface StartOptions {
  paths: Paths;
  zone: string;
  language: Language;
  env: NodeJS.ProcessEnv;
}

export function startDaemon(options: StartOptions): Promise<StartResult> {
  const { paths, zone, language, env } = options;
  const args = [ZONEADMD, '-z', zone, '--lang', language];

  if (paths.root !== undefined) {
    args.push('-R', paths.root);
  }

  // Its own session, no terminal and no output to us: the daemon must
  // outlive this command and must not hold the operator's terminal.
  const stdio: ('ignore' | 'pipe')[] = ['ignore', 'ignore', 'ignore'];
  stdio[HANDSHAKE_FD] = 'pipe';
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio,
    env: { ...env, [HANDSHAKE_FD_ENV]: String(HANDSHAKE_FD) },
  });
  const channel = child.stdio[HANDSHAKE_FD] as NodeJS.ReadableStream;

  return new Promise((resolve) => {
    let text = '';
    let settled = false;
    const settle = (result: StartResult) => {
      if (!settled) {
        settled = true;
        child.unref();
        (channel as unknown as { destroy(): void }).destroy();
        resolve(result);
      }
    };

    channel.setEncoding('utf8');
    channel.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        const parsed = parseHandshake(text.slice(0, end));
        settle(
          parsed.ok
            ? parsed.message
            : { type: 'died', status: parsed.problem.detail },
        );
      }
    });
    // A daemon that ends without a line died before it could say why; its
    // exit may be seen before its last bytes are, so wait for both.
    let exit: string | undefined;
    let drained = false;
    const maybeDied = () => {
      if (exit !== undefined && drained) {
        settle({ type: 'died', status: exit });
      }
    };

    channel.on('error', () => undefined);
    channel.on('close', () => {
      drained = true;
      maybeDied();
    });
    child.on('error', (error) =>
      settle({ type: 'died', status: error.message }),
    );
    child.on('exit', (code, signal) => {
      exit = signal ?? `exit status ${code}`;
      maybeDied();
    });
  });
}

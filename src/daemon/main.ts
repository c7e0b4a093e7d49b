/**
 * The entry of `zoneadmd` (and of `zonectl daemon`): reads its few options,
 * refuses to run without a starter to report to, and otherwise becomes the
 * zone's daemon, logging to its own file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Messages } from '../core/i18n.js';
import {
  isLanguage,
  languageFromEnv,
  type Language,
} from '../core/language.js';
import { createLogger, isLogLevel, type Logger } from '../core/logger.js';
import { chooseRoot, resolvePaths, type Paths } from '../core/paths.js';
import { daemonLogPath } from '../protocol/paths.js';
import { runDaemon } from './daemon.js';
import { handshakeFromEnv } from './handshake.js';
import { loadPlatform } from './platform-loader.js';

export interface DaemonArgs {
  zone?: string;
  root?: string;
  lang?: string;
}

/** `-z ZONE`, `-R ROOT` and `--lang LL`; anything else is ignored. */
export function parseDaemonArgs(argv: readonly string[]): DaemonArgs {
  const args: DaemonArgs = {};
  const names: Record<string, keyof DaemonArgs> = {
    '-z': 'zone',
    '--zone': 'zone',
    '-R': 'root',
    '--root': 'root',
    '--lang': 'lang',
  };

  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i] as string];
    const value = argv[i + 1];
    if (name && value !== undefined) {
      args[name] = value;
      i++;
    }
  }

  return args;
}

/** zoneadmd as a program: returns its exit status. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const args = parseDaemonArgs(argv);
  const language: Language =
    args.lang && isLanguage(args.lang) ? args.lang : languageFromEnv(env);
  const messages = new Messages(language);

  if (!handshakeFromEnv(env) || !args.zone) {
    process.stderr.write(`zoneadmd: ${messages.t('daemon:usage.daemon')}\n`);
    return 2;
  }

  const paths = resolvePaths({ root: chooseRoot(args.root, env), env });

  return serveZone(args.zone, paths, messages, env);
}

/**
 * Becomes the daemon of `zone`. The starter passed the handshake; the
 * daemon leaves the starter's directory and logs to its own file.
 */
export async function serveZone(
  zone: string,
  paths: Paths,
  messages: Messages,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const handshake = handshakeFromEnv(env);
  if (!handshake) {
    return 2;
  }

  // A daemon must not keep a directory busy (the caller's, or a mount).
  process.chdir('/');
  process.umask(0o022);

  const logger = openLog(paths, zone, env);
  process.on('uncaughtException', (error) => {
    // The zone does not depend on this process; the next request starts a
    // fresh daemon, which reads the zone from the host.
    logger.error('daemon crashed', { error });
    process.exit(1);
  });

  return runDaemon({ zone, paths, messages, logger, handshake, loadPlatform });
}

function openLog(paths: Paths, zone: string, env: NodeJS.ProcessEnv): Logger {
  const level = env.ZONECTL_LOG_LEVEL;
  const fields = { zone, pid: process.pid, process: 'zoneadmd' };
  const file = daemonLogPath(paths, zone);

  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    const fd = fs.openSync(file, 'a', 0o640);

    return createLogger({
      level: isLogLevel(level) ? level : 'info',
      fields,
      write: (line) => fs.writeSync(fd, line),
    });
  } catch {
    // No log directory: keep going, and say so on stderr (if anyone reads).
    return createLogger({ level: 'info', fields });
  }
}

import { Messages, type TFunction } from '../core/i18n.js';
import { errors } from '../core/errors/cli.js';
import {
  LANGUAGES,
  isLanguage,
  languageFromEnv,
  type Language,
} from '../core/language.js';
import { createLogger, isLogLevel, type Logger } from '../core/logger.js';
import { chooseRoot, resolvePaths, type Paths } from '../core/paths.js';
import type { GlobalOptions } from './args.js';

/** What a command gets: where the files are, how to talk, what was asked. */
export interface CliContext {
  readonly paths: Paths;
  readonly messages: Messages;
  readonly t: TFunction;
  readonly language: Language;
  readonly logger: Logger;
  readonly json: boolean;
  readonly yes: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** True when a person can answer a question on the terminal. */
  readonly interactive: boolean;
}

/** The language from `--lang`, else the environment's locale. */
export function chooseLanguage(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): Language {
  if (flag === undefined) {
    return languageFromEnv(env);
  }
  if (!isLanguage(flag)) {
    throw errors.badLanguage(flag, LANGUAGES.join(', '));
  }

  return flag;
}

export function createContext(
  global: GlobalOptions,
  messages: Messages,
  env: NodeJS.ProcessEnv = process.env,
): CliContext {
  const level = env.ZONECTL_LOG_LEVEL;

  return {
    paths: resolvePaths({ root: chooseRoot(global.root, env), env }),
    messages,
    t: messages.t,
    language: messages.current,
    logger: createLogger({
      level: isLogLevel(level) ? level : 'warn',
      fields: { pid: process.pid, process: 'zonectl' },
    }),
    json: global.json,
    yes: global.yes,
    env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  };
}

import { errors } from '../core/errors/cli.js';
import { EXIT_OK, EXIT_USAGE } from '../core/exit-status.js';
import { Messages } from '../core/i18n.js';
import { languageFromEnv } from '../core/language.js';
import { parseLine, type ParsedLine } from './args.js';
import { COMMANDS, findCommand } from './commands.js';
import { chooseLanguage, createContext } from './context.js';
import { reportError } from './report.js';
import { usageText } from './usage.js';

/** Runs one command line and returns the exit status. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let messages = new Messages(languageFromEnv(env));
  let json = argv.includes('--json');

  try {
    const line = parseLine(argv, (name) => findCommand(name)?.flags);
    json = line.global.json;
    messages = switchLanguage(messages, chooseLanguage(line.global.lang, env));

    return await dispatch(line, messages, env);
  } catch (error) {
    return reportError(error, messages.t, json);
  }
}

function onTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

function switchLanguage(
  messages: Messages,
  lang: Messages['current'],
): Messages {
  return lang === messages.current ? messages : new Messages(lang);
}

async function dispatch(
  line: ParsedLine,
  messages: Messages,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (line.global.version) {
    process.stdout.write(`${await version()}\n`);
    return EXIT_OK;
  }

  // With no command a person gets the terminal UI; a script, which has no
  // terminal to draw on, gets the usage and a usage error.
  const name = line.command ?? (onTerminal() ? 'tui' : undefined);
  if (line.global.help || name === undefined || name === 'help') {
    process.stdout.write(usageText(messages.t));
    return name === undefined && !line.global.help ? EXIT_USAGE : EXIT_OK;
  }

  const spec = findCommand(name);
  if (!spec) {
    throw errors.unknownCommand(name);
  }

  const count = line.positionals.length;
  if (count < spec.min) {
    throw errors.missingArgument(
      spec.args[count] ?? spec.args.at(-1) ?? '',
      spec.name,
    );
  }
  if (spec.max !== undefined && count > spec.max) {
    throw errors.extraArgument(line.positionals[spec.max] ?? '', spec.name);
  }

  const ctx = createContext(line.global, messages, env);
  const command = await spec.load();
  await command.run(ctx, line);

  return EXIT_OK;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const url = new URL('../../../package.json', import.meta.url);
  const pkg = JSON.parse(await readFile(url, 'utf8')) as { version: string };

  return pkg.version;
}

export { COMMANDS };

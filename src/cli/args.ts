import { errors } from '../core/errors/cli.js';

/** A flag a command accepts: a single letter or a long name, maybe a value. */
export interface FlagSpec {
  name: string;
  short?: string;
  /** The flag takes a value (`--timeout 5`, `-e ^`). */
  value?: boolean;
}

export interface GlobalOptions {
  root?: string;
  lang?: string;
  json: boolean;
  yes: boolean;
  help: boolean;
  version: boolean;
}

export interface ParsedLine {
  global: GlobalOptions;
  command?: string;
  /** Command flags by long name: true, or the value given. */
  flags: Record<string, string | boolean>;
  positionals: string[];
  /** Words after `--`, passed on untouched (boot arguments). */
  rest: string[];
}

const GLOBAL_VALUE = new Set(['root', 'lang']);
const GLOBAL_BOOL: Record<string, keyof GlobalOptions> = {
  json: 'json',
  yes: 'yes',
  y: 'yes',
  help: 'help',
  h: 'help',
  version: 'version',
};

/**
 * Splits a command line into global options, the command, its flags and its
 * words. Global options are accepted anywhere, so `zonectl list --root D`
 * and `zonectl --root D list` mean the same. `flagsOf` tells which flags the
 * command (known after the first word) accepts.
 */
export function parseLine(
  argv: readonly string[],
  flagsOf: (command: string) => readonly FlagSpec[] | undefined,
): ParsedLine {
  const line: ParsedLine = {
    global: { json: false, yes: false, help: false, version: false },
    flags: {},
    positionals: [],
    rest: [],
  };
  let specs: readonly FlagSpec[] = [];

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;

    if (word === '--') {
      line.rest = argv.slice(i + 1);
      break;
    }

    const takeValue = (option: string, inline: string | undefined) => {
      if (inline !== undefined) {
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined) {
        throw errors.optionNeedsValue(option);
      }
      i++;
      return next;
    };

    if (word.startsWith('--') && word.length > 2) {
      const [name = '', inline] = splitOnce(word.slice(2), '=');

      if (GLOBAL_VALUE.has(name)) {
        line.global[name as 'root' | 'lang'] = takeValue(word, inline);
      } else if (name in GLOBAL_BOOL && inline === undefined) {
        (line.global[GLOBAL_BOOL[name] as 'json'] as boolean) = true;
      } else {
        const spec = specs.find((s) => s.name === name);
        if (!spec || (!spec.value && inline !== undefined)) {
          throw errors.unknownOption(`--${name}`, line.command ?? 'zonectl');
        }
        line.flags[spec.name] = spec.value ? takeValue(word, inline) : true;
      }
      continue;
    }

    if (word.startsWith('-') && word.length > 1) {
      for (let c = 1; c < word.length; c++) {
        const letter = word[c] as string;
        const spec = specs.find((s) => s.short === letter);

        if (spec?.value) {
          const inline = word.slice(c + 1);
          line.flags[spec.name] = takeValue(`-${letter}`, inline || undefined);
          break;
        }
        if (spec) {
          line.flags[spec.name] = true;
        } else if (letter in GLOBAL_BOOL) {
          (line.global[GLOBAL_BOOL[letter] as 'json'] as boolean) = true;
        } else {
          throw errors.unknownOption(`-${letter}`, line.command ?? 'zonectl');
        }
      }
      continue;
    }

    if (line.command === undefined) {
      line.command = word;
      specs = flagsOf(word) ?? [];
    } else {
      line.positionals.push(word);
    }
  }

  return line;
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep);

  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

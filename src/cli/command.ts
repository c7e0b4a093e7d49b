import type { FlagSpec, ParsedLine } from './args.js';
import type { CliContext } from './context.js';

/** One verb of the command line; its code is loaded only when it runs. */
export interface CommandSpec {
  name: string;
  flags?: readonly FlagSpec[];
  /** Names of the words it takes, for usage errors; `...` marks a list. */
  args: readonly string[];
  /** How many words at least. */
  min: number;
  /** How many words at most; undefined for any number. */
  max?: number;
  load: () => Promise<CommandModule>;
}

export interface CommandModule {
  run(ctx: CliContext, line: ParsedLine): Promise<void> | void;
}

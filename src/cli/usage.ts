import type { TFunction } from '../core/i18n.js';
import { COMMANDS } from './commands.js';
import { formatRows } from './table.js';

/** The `--help` text, in the operator's language. */
export function usageText(t: TFunction): string {
  const rows = COMMANDS.map((c) => [
    `  ${c.name} ${synopsis(c.flags?.map((f) => `-${f.short ?? f.name}`) ?? [], c.args)}`,
    t(`cli:help.${c.name}`),
  ]);

  return [
    t('cli:help.usage'),
    '',
    formatRows(rows),
    t('cli:help.global'),
    '',
  ].join('\n');
}

function synopsis(flags: readonly string[], args: readonly string[]): string {
  const flagPart = flags.length ? `[${flags.join('] [')}] ` : '';

  return flagPart + args.map((a) => `<${a}>`).join(' ');
}

import readline from 'node:readline';
import { errors } from '../core/errors/cli.js';
import type { CliContext } from './context.js';

/**
 * Asks before something that cannot be undone. `--yes` answers for scripts;
 * with no terminal to ask on, the command refuses rather than guess.
 */
export async function confirm(
  ctx: CliContext,
  command: string,
  zone: string,
): Promise<void> {
  if (ctx.yes) {
    return;
  }
  if (!ctx.interactive) {
    throw errors.needsConfirmation(command, zone);
  }

  const rl = readline.createInterface({ input: ctx.stdin, output: ctx.stderr });
  const question = ctx.t(`cli:confirm.${command}`, { zone });
  const answer = await new Promise<string>((resolve) => {
    rl.question(`${question} `, resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();

  const yes = ctx.t('cli:confirm.yes', { returnObjects: true }) as unknown;
  const accepted = Array.isArray(yes) ? (yes as string[]) : ['y', 'yes'];

  if (!accepted.includes(answer.trim().toLowerCase())) {
    throw errors.notConfirmed(command, zone);
  }
}

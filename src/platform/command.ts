import { spawn } from 'node:child_process';
import type { Logger } from '../core/logger.js';

/** What an external command left behind. */
export interface CommandResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * An external command that could not run or did not succeed. The message is
 * what the command said on stderr, which is the reason an operator needs.
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: CommandResult | undefined,
    options?: { cause?: unknown },
  ) {
    super(describeFailure(command, result, options?.cause), options);
  }

  /** True when the command itself is not installed. */
  get missing(): boolean {
    return (this.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  }
}

function describeFailure(
  command: string,
  result: CommandResult | undefined,
  cause: unknown,
): string {
  if (!result) {
    return `${command}: ${cause instanceof Error ? cause.message : cause}`;
  }

  const said = result.stderr.trim() || result.stdout.trim();
  const how = result.signal
    ? `killed by ${result.signal}`
    : `exit status ${result.status}`;

  return said ? `${said} (${command}, ${how})` : `${command}: ${how}`;
}

export interface RunOptions {
  /** Environment for the command; the caller's when not given. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a command to completion and logs it at debug with its arguments,
 * exit status and duration. Rejects with a CommandError unless it exits 0.
 */
export function run(
  logger: Logger,
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';

    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));

    const logged = args.map(forLog);

    child.on('error', (error) => {
      logger.debug('command', { command, args: logged, error: error.message });
      reject(new CommandError(command, args, undefined, { cause: error }));
    });

    child.on('close', (status, signal) => {
      const result = { status, signal, stdout, stderr };
      const ms = Math.round(performance.now() - started);

      logger.debug('command', { command, args: logged, status, signal, ms });
      if (status === 0) {
        resolve(result);
      } else {
        reject(new CommandError(command, args, result));
      }
    });
  });
}

// Scripts passed to sh -c are constants of this package; their first line
// names them well enough in a log.
function forLog(arg: string): string {
  return arg.includes('\n') ? `<script: ${arg.trim().split('\n')[0]}…>` : arg;
}

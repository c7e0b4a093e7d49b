import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real executable, as an operator runs it. */
export const ZONECTL = fileURLToPath(
  new URL('../../../bin/zonectl', import.meta.url),
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
}

// English unless a test asks otherwise, whatever the machine's locale.
function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };

  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.ZONECTL_ROOT;

  return Object.assign(env, { LANG: 'C.UTF-8' }, extra);
}

/** Runs `zonectl --root ROOT ARGS…` and waits for it. */
export function zonectl(
  root: string,
  args: readonly string[],
  options: CliOptions = {},
): CliResult {
  return zonectlBare(['--root', root, ...args], options);
}

/** The same, without waiting: for races between several callers. */
export function zonectlAsync(
  root: string,
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ZONECTL, '--root', root, ...args], {
      env: environment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';

    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs zonectl with no alternate root argument, for ZONECTL_ROOT tests. */
export function zonectlBare(
  args: readonly string[],
  options: CliOptions = {},
): CliResult {
  const result = spawnSync(process.execPath, [ZONECTL, ...args], {
    env: environment(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
  });

  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

import os from 'node:os';
import path from 'node:path';

/**
 * Where zonectl keeps everything. With an alternate root every path lies
 * under it, so tests and experiments never touch the host's own zones.
 */
export interface Paths {
  /** The alternate root, when one was given. */
  readonly root: string | undefined;
  /** The zone index and configurations. */
  readonly etc: string;
  /** Where zonepaths go unless a zone names its own. */
  readonly zones: string;
  /** Per-zone run directories: door, console socket, holder state. */
  readonly run: string;
  /** Daemon logs, console logs and the audit log. */
  readonly log: string;
  /** The operator's own preferences (language, layout). */
  readonly prefs: string;
}

export interface PathInputs {
  root?: string | undefined;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  home?: string;
}

/** The alternate root from `--root`, else ZONECTL_ROOT, made absolute. */
export function chooseRoot(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const root = flag ?? (env.ZONECTL_ROOT || undefined);

  return root === undefined ? undefined : path.resolve(root);
}

export function resolvePaths(inputs: PathInputs = {}): Paths {
  const env = inputs.env ?? process.env;
  const uid = inputs.uid ?? process.getuid?.() ?? 0;
  const home = inputs.home ?? os.homedir();
  const root = inputs.root;

  if (root !== undefined) {
    return {
      root,
      etc: path.join(root, 'etc/zonectl'),
      zones: path.join(root, 'var/lib/zonectl/zones'),
      run: path.join(root, 'run/zonectl'),
      log: path.join(root, 'var/log/zonectl'),
      prefs: path.join(root, 'home/.config/zonectl'),
    };
  }

  const xdg = (name: string, fallback: string) =>
    env[name] && path.isAbsolute(env[name]) ? env[name] : fallback;
  const config = xdg('XDG_CONFIG_HOME', path.join(home, '.config'));
  const prefs = path.join(config, 'zonectl');

  if (uid === 0) {
    return {
      root,
      etc: '/etc/zonectl',
      zones: '/var/lib/zonectl/zones',
      run: '/run/zonectl',
      log: '/var/log/zonectl',
      prefs,
    };
  }

  const data = xdg('XDG_DATA_HOME', path.join(home, '.local/share'));
  const state = xdg('XDG_STATE_HOME', path.join(home, '.local/state'));
  const runtime = xdg(
    'XDG_RUNTIME_DIR',
    path.join(os.tmpdir(), `zonectl-${uid}`),
  );

  return {
    root,
    etc: path.join(config, 'zonectl/system'),
    zones: path.join(data, 'zonectl/zones'),
    run: path.join(runtime, 'zonectl'),
    log: path.join(state, 'zonectl'),
    prefs,
  };
}

/** The run directory of one zone. */
export function zoneRunDir(paths: Paths, zone: string): string {
  return path.join(paths.run, zone);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { errors } from '../../core/errors/platform.js';
import type { Logger } from '../../core/logger.js';
import { zoneEnvironment } from '../brand.js';
import { parentOf } from '../proc.js';

// How long a halt waits for the killed init's wrapper to be reaped before
// it kills the wrapper too; the kernel needs milliseconds.
const INIT_EXIT_TIMEOUT_MS = 5_000;

// Runs in the host's namespaces as the holder's child. It closes every
// descriptor but stdio and the handshake (the holder's pty and whatever
// its parent leaked must not reach the zone), joins the zone's cgroups so
// that every later process inherits them, opens the console, and enters
// the zone. bash because dash cannot close descriptors above 9.
// Arguments: console, namespace folder, how /proc is made (see below),
// cgroup count, cgroup files…, init and its arguments.
const ENTER_SCRIPT = `
pts=$1 ns=$2 proc=$3 n=$4
shift 4
for fd in /proc/self/fd/*; do
  fd=\${fd##*/}
  [ "$fd" -gt 3 ] 2>/dev/null && eval "exec $fd>&-"
done
while [ "$n" -gt 0 ]; do
  echo $$ > "$1" || exit 125
  shift
  n=$((n - 1))
done
exec 0<>"$pts" 1>&0
flag=--mount-proc
[ "$proc" = swap ] && flag=--mount
exec nsenter --mount="$ns/mnt" --uts="$ns/uts" --ipc="$ns/ipc" --net="$ns/net" \\
  -- unshare --pid --fork "$flag" -- sh -c "$0" "$proc" "$@"
`;

// Runs as pid 1 of the new PID namespace, inside the zone, until it
// becomes init. Rootless ($0 is "swap"), it swaps the host's /proc, which
// ready left there, for this namespace's own, mounted aside first: a user
// namespace may mount a proc only while one is fully visible. As root,
// unshare has mounted it already. It reports on descriptor 3 whether init
// can be started; after the exec, the console is init's stdio and
// controlling terminal.
const INIT_SCRIPT = `
if [ "$0" = swap ]; then
  mount -t proc -o nosuid,nodev,noexec,X-mount.mkdir proc /run/.zonectl-proc &&
    umount --lazy /proc &&
    mount --move /run/.zonectl-proc /proc &&
    rmdir /run/.zonectl-proc || { echo proc >&3; exit 126; }
fi
if [ ! -f "$1" ] || [ ! -x "$1" ]; then echo missing >&3; exit 127; fi
echo exec >&3
exec setsid -c "$@" 3>&- 2>&1
`;

export interface BootRequest {
  readonly console: string;
  readonly nsDir: string;
  readonly cgroupProcs: readonly string[];
  readonly init: string;
  readonly args: readonly string[];
  /** Rootless: ready left the host's /proc in the zone for boot to swap. */
  readonly swapProc: boolean;
}

export interface Boot {
  readonly generation: string;
  readonly initPid: number;
  readonly bootedAt: number;
}

/** How init ended: the wrapper's exit, which mirrors init's. */
export interface InitEnd {
  readonly generation: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the host ended it (halt), not the zone itself. */
  readonly killed: boolean;
}

/**
 * The zone's init, as the holder starts, watches and ends it. One boot at
 * a time; each gets a new generation.
 */
export class ZoneInit {
  private child: ChildProcess | undefined;
  private current: Boot | undefined;
  private killing = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly zone: string,
    private readonly logger: Logger,
    private readonly onEnd: (end: InitEnd) => void,
  ) {}

  get boot(): Boot | undefined {
    return this.current;
  }

  async start(request: BootRequest): Promise<Boot> {
    const generation = randomBytes(8).toString('hex');
    const child = spawn(
      'bash',
      [
        '-c',
        ENTER_SCRIPT,
        INIT_SCRIPT,
        request.console,
        request.nsDir,
        request.swapProc ? 'swap' : 'mounted',
        String(request.cgroupProcs.length),
        ...request.cgroupProcs,
        request.init,
        ...request.args,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        env: zoneEnvironment(),
        // Not a session leader: opening the console would make it the
        // wrapper's controlling terminal, and init could then take it over
        // only with a privilege a rootless holder lacks.
        detached: false,
      },
    );
    this.child = child;
    this.killing = false;

    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      this.logger.debug('init wrapper said', { text: d.trim() });
    });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.logger.debug('command', {
          command: 'bash',
          args: ['enter', request.init, ...request.args],
          status: code,
          signal,
        });
        this.finish(generation, code, signal);
        resolve();
      }),
    );

    const answer = await handshake(child.stdio[3] as Readable, this.exited);
    if (answer === 'missing') {
      throw errors.initMissing(this.zone, request.init);
    }
    if (answer !== 'exec') {
      const reason = stderr.trim() || `exit status ${child.exitCode}`;
      throw errors.stepFailed(this.zone, 'boot', new Error(reason));
    }

    const initPid = findInit(child.pid as number, request.cgroupProcs[0]);
    this.current = { generation, initPid, bootedAt: Date.now() };
    this.logger.info('init started', {
      zone: this.zone,
      initPid,
      generation,
      init: request.init,
    });

    return this.current;
  }

  /** Ends init and every process of its PID namespace, and waits. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }

    this.killing = true;
    const pid = this.current?.initPid ?? child.pid;
    signal(pid, 'SIGKILL');

    const timeout = setTimeout(
      () => signal(child.pid, 'SIGKILL'),
      INIT_EXIT_TIMEOUT_MS,
    );
    await this.exited;
    clearTimeout(timeout);
  }

  private finish(
    generation: string,
    code: number | null,
    sig: NodeJS.Signals | null,
  ): void {
    const booted = this.current?.generation === generation;

    this.child = undefined;
    this.current = undefined;
    if (booted) {
      this.onEnd({ generation, code, signal: sig, killed: this.killing });
    }
  }
}

// Resolves with the first line the init script writes on descriptor 3, or
// with '' when the wrapper ends before it says anything.
function handshake(pipe: Readable, exited: Promise<void>): Promise<string> {
  return new Promise((resolve) => {
    let text = '';

    pipe.setEncoding('utf8');
    pipe.on('data', (d: string) => {
      text += d;
      const line = text.split('\n');
      if (line.length > 1) {
        pipe.destroy();
        resolve(line[0] as string);
      }
    });
    pipe.on('error', () => {});
    void exited.then(() => resolve(''));
  });
}

/**
 * The host pid of init: the wrapper's only child. The zone's cgroup lists
 * just the two; without a cgroup (rootless), the process table tells.
 */
function findInit(wrapper: number, procs: string | undefined): number {
  if (procs) {
    const pids = fs
      .readFileSync(procs, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== wrapper);
    if (pids.length === 1) {
      return pids[0] as number;
    }
  }

  for (const entry of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentOf(Number(entry)) === wrapper) {
      return Number(entry);
    }
  }

  return wrapper;
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  try {
    if (pid) {
      process.kill(pid, name);
    }
  } catch {
    // Already gone.
  }
}

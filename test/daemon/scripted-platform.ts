/**
 * An in-memory platform for the zone manager's unit tests only: it follows
 * the platform contract's states and lets a test hold a step, make one fail,
 * or fire an upcall. The daemon's integration tests never use it; they run
 * real daemons on the real platform.
 */
import type {
  HolderLink,
  Platform,
  PlatformState,
  Probe,
  Upcall,
} from '../../src/platform/types.js';

type Step = 'ready' | 'boot' | 'halt' | 'mount' | 'unmount' | 'cleanup';

export class ScriptedLink implements HolderLink {
  readonly backlog = Buffer.alloc(0);
  closed = false;
  acknowledged: string[] = [];
  private upcalls: ((upcall: Upcall) => void)[] = [];
  private closes: (() => void)[] = [];

  onData(): void {}
  onUpcall(listener: (upcall: Upcall) => void): void {
    this.upcalls.push(listener);
  }
  onClose(listener: () => void): void {
    this.closes.push(listener);
  }
  write(): void {}
  resize(): void {}
  pause(): void {}
  resume(): void {}
  async acknowledge(generation: string): Promise<void> {
    this.acknowledged.push(generation);
  }
  close(): void {
    this.closed = true;
  }

  fire(upcall: Upcall): void {
    for (const listener of this.upcalls) {
      listener(upcall);
    }
  }

  /** The holder went away by itself. */
  vanish(): void {
    this.closed = true;
    for (const listener of this.closes) {
      listener();
    }
  }
}

export class ScriptedPlatform implements Platform {
  state: PlatformState = 'installed';
  generation: string | undefined;
  pendingUpcall: Upcall | undefined;
  readonly calls: string[] = [];
  readonly links: ScriptedLink[] = [];
  /** Steps that fail the next time they run. */
  readonly failing = new Map<Step, Error>();
  /** Steps that wait for the returned release before they act. */
  private readonly held = new Map<Step, Promise<void>>();
  private boots = 0;
  /** Whether init survives a failing halt. */
  initSurvivesFailedHalt = true;

  hold(step: Step): () => void {
    let release = () => {};
    this.held.set(step, new Promise<void>((resolve) => (release = resolve)));
    return release;
  }

  async probe(): Promise<Probe> {
    const probe: {
      -readonly [K in keyof Probe]: Probe[K];
    } = { state: this.state };

    if (this.state !== 'installed') {
      probe.id = 1;
    }
    if (this.generation) {
      probe.generation = this.generation;
    }
    if (this.pendingUpcall) {
      probe.pendingUpcall = this.pendingUpcall;
    }

    return probe;
  }

  ready(): Promise<Probe> {
    return this.step('ready', () => {
      this.state = 'ready';
    });
  }

  boot(_spec: unknown, args: readonly string[]): Promise<Probe> {
    return this.step(`boot ${args.join(' ')}`.trim() as Step, () => {
      this.pendingUpcall = undefined;
      this.state = 'running';
      this.generation = `g${++this.boots}`;
    });
  }

  halt(): Promise<Probe> {
    return this.step('halt', () => this.teardown());
  }

  mount(): Promise<Probe> {
    return this.step('mount', () => {
      this.state = 'mounted';
    });
  }

  unmount(): Promise<Probe> {
    return this.step('unmount', () => {
      this.state = 'installed';
    });
  }

  cleanup(): Promise<Probe> {
    return this.step('cleanup', () => this.teardown());
  }

  async attach(): Promise<HolderLink> {
    const link = new ScriptedLink();
    this.links.push(link);

    // Like the real holder, a pending upcall goes to whoever attaches.
    const pending = this.pendingUpcall;
    if (pending) {
      setImmediate(() => link.fire(pending));
    }

    return link;
  }

  /** The zone's init ends, as an upcall to whoever listens. */
  initEnds(kind: Upcall['kind']): Upcall {
    const upcall = {
      kind,
      generation: this.generation ?? '',
      reason: kind === 'reboot' ? 'SIGHUP' : 'SIGINT',
    };
    // Like the real holder: the boot is over, its upcall is kept.
    this.pendingUpcall = upcall;
    this.state = 'ready';
    this.generation = undefined;
    for (const link of this.links.filter((l) => !l.closed)) {
      link.fire(upcall);
    }
    return upcall;
  }

  private teardown(): void {
    this.state = 'installed';
    this.generation = undefined;
    this.pendingUpcall = undefined;
  }

  private async step(name: Step, act: () => void): Promise<Probe> {
    const base = name.split(' ')[0] as Step;
    this.calls.push(name);
    await this.held.get(base);
    this.held.delete(base);

    const failure = this.failing.get(base);
    if (failure) {
      this.failing.delete(base);
      if (base === 'halt' && !this.initSurvivesFailedHalt) {
        this.state = 'ready';
      }
      throw failure;
    }

    act();
    return this.probe();
  }
}

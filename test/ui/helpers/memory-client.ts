/**
 * An in-memory ZoneClient for component tests: zones are plain objects,
 * transitions follow DESIGN.md's table for the usual cases, every change is
 * pushed to watchers, and consoles are sessions the test writes into. It
 * records what the UI asked, so tests can check requests and their locale.
 */
import type {
  ConsoleOptions,
  ConsoleSession,
  DoorCommand,
  Reply,
  RequestOptions,
  ZoneClient,
  ZoneEvent,
  ZoneView,
} from '../../../src/client/types.js';
import type { ZoneState } from '../../../src/core/states.js';

export function zone(name: string, patch: Partial<ZoneView> = {}): ZoneView {
  return {
    name,
    state: 'installed',
    id: null,
    brand: 'sparse',
    zonepath: `/zones/${name}`,
    hostname: name,
    caps: {},
    ...patch,
  };
}

// Where each command takes a zone, for the states the tests use.
const NEXT: Partial<Record<DoorCommand, ZoneState>> = {
  ready: 'ready',
  boot: 'running',
  reboot: 'running',
  halt: 'installed',
  mount: 'mounted',
  unmount: 'installed',
};

export interface RequestRecord {
  zone: string;
  command: DoorCommand;
  options: RequestOptions;
}

export class MemoryClient implements ZoneClient {
  readonly zones = new Map<string, ZoneView>();
  readonly requests: RequestRecord[] = [];
  readonly consoles: MemoryConsole[] = [];
  /** Replaces the default answer, for failures and held replies. */
  answer?: (record: RequestRecord) => Reply | Promise<Reply>;
  consoleError?: Error;
  private readonly watchers = new Set<
    (zones: ZoneView[], e?: ZoneEvent) => void
  >();

  constructor(zones: readonly ZoneView[] = []) {
    for (const z of zones) {
      this.zones.set(z.name, z);
    }
  }

  get watching(): number {
    return this.watchers.size;
  }

  /** While set, list() waits for it: zones that take long to read. */
  listGate?: Promise<void>;

  async list(): Promise<ZoneView[]> {
    await this.listGate;
    return this.snapshot();
  }

  watch(listener: (zones: ZoneView[], e?: ZoneEvent) => void): () => void {
    this.watchers.add(listener);

    return () => this.watchers.delete(listener);
  }

  /** Changes a zone as if someone else had, and pushes the change. */
  put(view: ZoneView): void {
    this.zones.set(view.name, view);
    this.push();
  }

  drop(name: string): void {
    this.zones.delete(name);
    this.push();
  }

  async request(
    zoneName: string,
    command: DoorCommand,
    options: RequestOptions,
  ): Promise<Reply> {
    const record = { zone: zoneName, command, options };
    this.requests.push(record);

    if (this.answer) {
      return this.answer(record);
    }

    const current = this.zones.get(zoneName);
    const to = NEXT[command];
    if (!current || !to) {
      return {
        ok: false,
        exit: 1,
        messages: [`no ${command} for ${zoneName}`],
      };
    }

    this.put({
      ...current,
      state: to,
      bootedAt: to === 'running' ? Date.now() : undefined,
    });

    return {
      ok: true,
      exit: 0,
      messages: [`[${options.locale}] ${command} ${zoneName}: ok`],
      state: to,
    };
  }

  async console(
    zoneName: string,
    options: ConsoleOptions,
  ): Promise<ConsoleSession> {
    if (this.consoleError) {
      throw this.consoleError;
    }

    const session = new MemoryConsole(zoneName, options);
    this.consoles.push(session);

    return session;
  }

  private snapshot(): ZoneView[] {
    return [...this.zones.values()].map((z) => ({ ...z }));
  }

  private push(): void {
    const zones = this.snapshot();

    for (const watcher of this.watchers) {
      watcher(zones);
    }
  }
}

export class MemoryConsole implements ConsoleSession {
  readonly written: string[] = [];
  readonly sizes: [number, number][] = [];
  closed = false;
  paused = false;
  private data: ((chunk: Buffer) => void)[] = [];
  private notices: ((text: string) => void)[] = [];
  private closes: ((reason?: string) => void)[] = [];

  constructor(
    readonly zone: string,
    readonly options: ConsoleOptions,
  ) {}

  onData(listener: (chunk: Buffer) => void): void {
    this.data.push(listener);
  }

  onNotice(listener: (text: string) => void): void {
    this.notices.push(listener);
  }

  onClose(listener: (reason?: string) => void): void {
    this.closes.push(listener);
  }

  write(data: Buffer | string): void {
    this.written.push(data.toString());
  }

  resize(cols: number, rows: number): void {
    this.sizes.push([cols, rows]);
  }

  close(): void {
    this.closed = true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /** Output from the zone. */
  emit(text: string | Buffer): void {
    const chunk = Buffer.isBuffer(text) ? text : Buffer.from(text);

    for (const listener of this.data) {
      listener(chunk);
    }
  }

  notice(text: string): void {
    for (const listener of this.notices) {
      listener(text);
    }
  }

  end(reason?: string): void {
    for (const listener of this.closes) {
      listener(reason);
    }
  }
}

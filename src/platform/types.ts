/**
 * The platform layer's contract: what the daemon (and the tests) may ask of
 * the Linux virtual platform. Nothing above this layer knows about
 * namespaces, mounts or cgroups; it sees zones in states.
 *
 * Ownership: everything a zone needs to live (the console master, the
 * persisted namespaces, the zone's init) belongs to a small per-zone holder
 * process that outlives whoever started it. A `Platform` is a client of that
 * holder plus a reader of the host, so a daemon can be killed at any moment
 * and a new one picks the zone up with `probe` and `attach`.
 */
import type { ZoneConfig } from '../config/zone-config.js';
import type { Paths } from '../core/paths.js';

/** Everything the platform needs to know about one zone. */
export interface ZoneSpec {
  readonly zone: string;
  readonly config: ZoneConfig;
  readonly paths: Paths;
}

/**
 * What exists on the host for a zone, read from the host itself:
 * - `installed`: nothing beyond the zone's files;
 * - `ready`: platform set up, no process of the zone runs;
 * - `running`: the zone's init runs;
 * - `mounted`: file systems mounted for administration, no console;
 * - `dead`: leftovers of a holder that died (cleanup() removes them).
 */
export type PlatformState =
  'installed' | 'ready' | 'running' | 'mounted' | 'dead';

export interface Probe {
  readonly state: PlatformState;
  /** A small number unique among active zones, kept from ready to halt. */
  readonly id?: number;
  /** Changes with every boot, so a stale upcall can be told apart. */
  readonly generation?: string;
  readonly holderPid?: number;
  /** The init's pid as the host sees it. */
  readonly initPid?: number;
  /** When the current boot started (ms since the epoch). */
  readonly bootedAt?: number;
  /** An upcall that happened and was not yet acknowledged. */
  readonly pendingUpcall?: Upcall;
  /**
   * Configuration keys of caps that hold no effect (set by `ready` only):
   * a rootless zone on a host that gives its user no cgroup.
   */
  readonly notApplied?: readonly string[];
}

/** A halt or reboot asked for from inside the zone. */
export interface Upcall {
  readonly kind: 'halt' | 'reboot';
  /** The generation of the boot whose init ended. */
  readonly generation: string;
  /** How init ended, for the log: exit code or signal name. */
  readonly reason: string;
}

/** The console and upcalls of one zone, as its holder serves them. */
export interface HolderLink {
  /** Output the holder kept while nobody was attached (its ring buffer). */
  readonly backlog: Buffer;
  onData(listener: (chunk: Buffer) => void): void;
  onUpcall(listener: (upcall: Upcall) => void): void;
  /** The holder went away (halt, or it died). */
  onClose(listener: () => void): void;
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  /** Flow control: stop and restart reading the pty. */
  pause(): void;
  resume(): void;
  /** Tells the holder an upcall was acted on, so it is not repeated. */
  acknowledge(generation: string): Promise<void>;
  close(): void;
}

/** A failed step, reported as a localized message key with its values. */
export interface StepFailure {
  readonly step: string;
  readonly reason: string;
}

export interface Platform {
  probe(spec: ZoneSpec): Promise<Probe>;
  /** installed → ready. Rolls back fully on failure (ZoneError). */
  ready(spec: ZoneSpec): Promise<Probe>;
  /** ready → running, init gets `args`. Rolls back to installed on failure. */
  boot(spec: ZoneSpec, args: readonly string[]): Promise<Probe>;
  /** any → installed: every process ends, everything is removed. */
  halt(spec: ZoneSpec): Promise<Probe>;
  /** installed → mounted. */
  mount(spec: ZoneSpec): Promise<Probe>;
  /** mounted → installed. */
  unmount(spec: ZoneSpec): Promise<Probe>;
  /** Removes what a dead holder left; the zone is installed after. */
  cleanup(spec: ZoneSpec): Promise<Probe>;
  /** Attaches to a ready or running zone's holder. */
  attach(spec: ZoneSpec): Promise<HolderLink>;
}

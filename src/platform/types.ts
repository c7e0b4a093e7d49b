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
  /**
   * The console's last output (up to 128 KiB), oldest first, kept whether
   * or not anyone was attached. Live output follows it with no byte lost
   * or repeated.
   */
  readonly backlog: Buffer;
  /** Live output; chunks that came before the first listener are kept for it. */
  onData(listener: (chunk: Buffer) => void): void;
  /**
   * Each upcall not yet acknowledged: one that was pending when the link
   * attached reaches each listener as it registers, then every new one.
   */
  onUpcall(listener: (upcall: Upcall) => void): void;
  /** The holder went away (halt, or it died), or the link was closed. */
  onClose(listener: () => void): void;
  /** Input, as typed on the console. */
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  /**
   * Flow control: while any link is paused the holder stops reading the
   * pty, and the zone's writes block once the kernel's buffer is full, as
   * on a serial line. The holder does the same on its own while a link
   * leaves more than 256 KiB of output unread.
   */
  pause(): void;
  resume(): void;
  /** The upcall of this generation was acted on; the holder forgets it. */
  acknowledge(generation: string): Promise<void>;
  close(): void;
}

/** A failed step, reported as a localized message key with its values. */
export interface StepFailure {
  readonly step: string;
  readonly reason: string;
}

/**
 * Every call reads the host afresh and fails with a ZoneError (namespace
 * `platform`) whose `params.step` names the step that failed. A call in a
 * state it does not accept fails with `wrongState` and changes nothing.
 */
export interface Platform {
  probe(spec: ZoneSpec): Promise<Probe>;
  /** installed → ready. Rolls back fully on failure (ZoneError). */
  ready(spec: ZoneSpec): Promise<Probe>;
  /**
   * ready → running. Init gets `args`, or the configured bootargs when
   * `args` is empty. A ready zone whose init ended (after an upcall) boots
   * again with the same console. Rolls back to installed on failure.
   */
  boot(spec: ZoneSpec, args: readonly string[]): Promise<Probe>;
  /**
   * ready, running or dead → installed: every process ends, everything is
   * removed. Installed stays installed; mounted is refused.
   */
  halt(spec: ZoneSpec): Promise<Probe>;
  /** installed → mounted: the zone's file systems under `<zonepath>/lu`. */
  mount(spec: ZoneSpec): Promise<Probe>;
  /** mounted → installed; installed stays installed. */
  unmount(spec: ZoneSpec): Promise<Probe>;
  /**
   * Removes whatever is left in any state, a live holder included: its
   * processes, mounts, namespace files, cgroup and files. Installed after.
   */
  cleanup(spec: ZoneSpec): Promise<Probe>;
  /** Attaches to a ready or running zone's holder. */
  attach(spec: ZoneSpec): Promise<HolderLink>;
}

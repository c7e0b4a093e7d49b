/**
 * What the CLI and the terminal UI may ask of zonectl, whether the answer
 * comes from a zone's daemon over its door, from the zone index, or from the
 * host. The UI is written against this contract only.
 */
import type { Language } from '../core/language.js';
import type { ZoneState } from '../core/states.js';
import type { DoorCommand, ZoneEvent } from '../protocol/commands.js';

// The door's vocabulary is defined once, with the protocol that carries it.
export {
  DOOR_COMMANDS,
  ZONE_EVENTS,
  type Caller,
  type DoorCommand,
  type ZoneEvent,
  type ZoneEventName,
} from '../protocol/commands.js';

/** One row of the zone table. */
export interface ZoneView {
  name: string;
  state: ZoneState;
  /** Small number unique among active zones; null while nothing runs. */
  id: number | null;
  brand: string;
  zonepath: string;
  hostname: string;
  /** When the running zone booted, ms since the epoch. */
  bootedAt?: number;
  caps: { memory?: string; cpu?: number; processes?: number };
}

/** A daemon's answer to one request, already in the caller's language. */
export interface Reply {
  ok: boolean;
  exit: number;
  messages: string[];
  state?: ZoneState;
}

export interface RequestOptions {
  locale: Language;
  /** Boot arguments, for boot and reboot. */
  args?: readonly string[];
}

/** A console attached through the zone's daemon. */
export interface ConsoleSession {
  onData(listener: (chunk: Buffer) => void): void;
  /** A localized notice (booting, halted, …), kept apart from zone bytes. */
  onNotice(listener: (text: string) => void): void;
  onClose(listener: (reason?: string) => void): void;
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  close(): void;
  /**
   * Stops delivering data until `resume()`, so that a client that draws
   * more slowly than the zone prints can hold the stream back (the UI's
   * watermarks). Optional: without it, a flood is buffered by the client.
   */
  pause?(): void;
  resume?(): void;
}

export interface ConsoleOptions {
  locale: Language;
  readOnly?: boolean;
  /** Detach when the zone halts instead of following it. */
  detachOnHalt?: boolean;
  cols?: number;
  rows?: number;
}

export interface ZoneClient {
  /** Every configured zone with its live state. */
  list(): Promise<ZoneView[]>;
  /**
   * Calls `listener` with the full list whenever anything changes: a
   * daemon's event, a daemon starting, the zone index being edited. Pushed,
   * never polled. Returns a function that stops watching.
   */
  watch(listener: (zones: ZoneView[], event?: ZoneEvent) => void): () => void;
  /** Sends a transition to the zone's daemon, starting one if needed. */
  request(
    zone: string,
    command: DoorCommand,
    options: RequestOptions,
  ): Promise<Reply>;
  /** Attaches to the zone's console, starting its daemon if needed. */
  console(zone: string, options: ConsoleOptions): Promise<ConsoleSession>;
}

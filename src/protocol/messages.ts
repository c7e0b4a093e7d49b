/**
 * The messages of the door, as TypeScript sees them. `schema.ts` says the
 * same in JSON Schema, and every frame is checked against it on arrival, by
 * the daemon and by the client alike.
 */
import type { Language } from '../core/language.js';
import type { ZoneState } from '../core/states.js';
import type { Caller, DoorCommand, ZoneEvent } from './commands.js';
import type { PROTOCOL_VERSION } from './limits.js';

interface Frame {
  v: typeof PROTOCOL_VERSION;
}

/** Asks for a state transition; answered by one `reply`. */
export interface RequestMessage extends Frame {
  type: 'request';
  seq: number;
  command: DoorCommand;
  locale: Language;
  args?: string[];
  caller: Caller;
}

/** Asks for the zone's current state without changing anything. */
export interface StatusMessage extends Frame {
  type: 'status';
  seq: number;
  locale: Language;
}

/**
 * Turns the connection into an eventstream: a snapshot, then the events
 * the daemon still holds that were published at or after `since` (ms since
 * the epoch), then every new event. `since` lets a follower that noticed a
 * daemon a moment late still hear what that daemon did meanwhile.
 */
export interface SubscribeMessage extends Frame {
  type: 'subscribe';
  seq: number;
  locale: Language;
  since?: number;
}

export type ClientMessage = RequestMessage | StatusMessage | SubscribeMessage;

/** Why a daemon refused something, for programs; people read `messages`. */
export type ReplyCode =
  | 'invalid'
  | 'failed'
  | 'goingAway'
  | 'badFrame'
  | 'tooLarge'
  | 'badVersion'
  | 'badMessage'
  | 'notNow';

/** The answer to a request, or to a frame that could not be understood. */
export interface ReplyMessage extends Frame {
  type: 'reply';
  /** The request's `seq`; null when the frame carried none that was usable. */
  seq: number | null;
  ok: boolean;
  exit: 0 | 1 | 2;
  code?: ReplyCode;
  /** Already in the caller's language. */
  messages: string[];
  state?: ZoneState;
}

/** What a daemon knows about its zone at one moment. */
export interface ZoneSnapshot {
  name: string;
  state: ZoneState;
  /** Small number unique among active zones; null while nothing is set up. */
  zoneId: number | null;
  /** Changes with every boot. */
  generation?: string;
  /** When the running zone booted, ms since the epoch. */
  bootedAt?: number;
  daemonPid: number;
  /** ISO 8601. */
  time: string;
}

/** The answer to `status`, and the first frame of a subscription. */
export interface SnapshotMessage extends Frame {
  type: 'snapshot';
  seq: number;
  zone: ZoneSnapshot;
}

export interface EventMessage extends Frame {
  type: 'event';
  event: ZoneEvent;
}

/** The daemon ends a subscription; `message` is in the subscriber's language. */
export interface EndMessage extends Frame {
  type: 'end';
  reason: 'goingAway' | 'slow' | 'shutdown';
  message: string;
}

export type DaemonMessage =
  ReplyMessage | SnapshotMessage | EventMessage | EndMessage;

/**
 * The one line a starting daemon writes to the process that started it:
 * ready, busy (another daemon already serves the zone), or failed, with
 * the reason in the starter's language.
 */
export interface HandshakeMessage extends Frame {
  type: 'handshake';
  status: 'ready' | 'busy' | 'failed';
  pid: number;
  code?: string;
  exit?: 1 | 2;
  message?: string;
}

/**
 * The vocabulary client and daemon share: the door's commands, the events
 * of the eventstream, and who asked for something.
 */
import type { ZoneState } from '../core/states.js';

/** The commands a zone's door serves (DESIGN.md, "Transitions"). */
export const DOOR_COMMANDS = [
  'ready',
  'boot',
  'reboot',
  'halt',
  'note_uninstalling',
  'mount',
  'unmount',
] as const;

export type DoorCommand = (typeof DOOR_COMMANDS)[number];

export function isDoorCommand(value: string): value is DoorCommand {
  return (DOOR_COMMANDS as readonly string[]).includes(value);
}

export const ZONE_EVENTS = [
  'readied',
  'booting',
  'bootfailed',
  'rebooting',
  'halted',
  'uninstalling',
] as const;

export type ZoneEventName = (typeof ZONE_EVENTS)[number];

/** Who asked for something, as far as the daemon can know it. */
export interface Caller {
  uid: number;
  pid: number;
  user: string;
}

/** One state change, as the eventstream publishes it. */
export interface ZoneEvent {
  zone: string;
  event: ZoneEventName;
  from: ZoneState;
  to: ZoneState;
  /** ISO 8601. */
  time: string;
  /** Who asked; `zone` for an upcall from inside. */
  by: Caller | 'zone';
}

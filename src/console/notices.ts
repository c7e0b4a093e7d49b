import type { ZoneEventName } from '../protocol/commands.js';

/** Events after which a client that asked for it is disconnected. */
export const DETACHING_EVENTS: readonly ZoneEventName[] = [
  'halted',
  'uninstalling',
];

/** The i18next key of the notice for an event. */
export function noticeKey(event: ZoneEventName): string {
  return `console:notice.${event}`;
}

/**
 * What a transition leaves behind: an event for the subscribers and a record
 * in the audit log, both naming who asked.
 */
import { isZoneError } from '../core/errors/zone-error.js';
import type { ZoneState } from '../core/states.js';
import type { DoorCommand, ZoneEventName } from '../protocol/commands.js';
import type { AuditLog } from './audit.js';
import type { EventHub } from './event-hub.js';
import type { Asker, Outcome } from './outcome.js';

export class Reporter {
  constructor(
    private readonly zone: string,
    private readonly hub: EventHub,
    private readonly log: AuditLog,
  ) {}

  /** Called inside the queue, so events leave in the order things happened. */
  async event(
    event: ZoneEventName,
    from: ZoneState,
    to: ZoneState,
    asker: Asker,
  ): Promise<void> {
    const by = await byOf(asker);

    this.hub.publish({
      zone: this.zone,
      event,
      from,
      to,
      time: new Date().toISOString(),
      by,
    });
  }

  async audit(
    command: DoorCommand,
    args: readonly string[] | undefined,
    asker: Asker,
    outcome: Outcome,
  ): Promise<void> {
    const who = asker === 'zone' ? 'zone' : await asker.who;

    this.log.append({
      time: new Date().toISOString(),
      zone: this.zone,
      command,
      ...(args && args.length > 0 ? { args } : {}),
      result: outcome.result,
      from: outcome.from,
      to: outcome.state,
      who,
      ...(isZoneError(outcome.error) ? { error: outcome.error.key } : {}),
    });
  }
}

/** Who asked, as events show it: the verified (or claimed) caller. */
async function byOf(asker: Asker) {
  if (asker === 'zone') {
    return 'zone' as const;
  }

  const { uid, pid, user } = await asker.who;
  return { uid, pid, user };
}

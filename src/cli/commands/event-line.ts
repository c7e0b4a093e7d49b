import type { TFunction } from '../../core/i18n.js';
import type { ZoneEvent } from '../../protocol/commands.js';

/** One event as a line an operator reads, in `t`'s language. */
export function eventLine(t: TFunction, event: ZoneEvent): string {
  const by =
    event.by === 'zone'
      ? t('daemon:by.zone')
      : t('daemon:by.caller', { ...event.by });

  return t(`daemon:event.${event.event}`, {
    time: event.time,
    zone: event.zone,
    from: t(`cli:state.${event.from}`),
    to: t(`cli:state.${event.to}`),
    by,
  });
}

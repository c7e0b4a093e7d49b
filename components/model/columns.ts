/**
 * The zone table's columns: which ones fit the width, how wide each is, and
 * what each cell says. Labels come from the translator at every call, so
 * widths follow the language (Japanese states are wider than English ones).
 */
import type { ZoneView } from '../../src/client/types.js';
import { ZONE_STATES } from '../../src/core/states.js';
import { displayWidth } from './text-fit.js';
import { uptimeParts } from './uptime.js';
import type { Operation } from './ui-state.js';

export type Translate = (
  key: string,
  params?: Record<string, unknown>,
) => string;

export const COLUMN_IDS = [
  'name',
  'state',
  'brand',
  'uptime',
  'hostname',
  'caps',
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  width: number;
}

// The order in which columns give way when the table is narrow: name and
// state always stay, then uptime, brand, hostname and caps.
const PRIORITY: readonly ColumnId[] = ['uptime', 'brand', 'hostname', 'caps'];

const MAX_WIDTH: Record<ColumnId, number> = {
  name: 24,
  state: 18,
  brand: 10,
  uptime: 10,
  hostname: 24,
  caps: 28,
};

// A name or host name may be cut to this many columns to make room.
const MIN_SHRUNK_WIDTH = 8;

/** Columns before the first: the selection marker and a space. */
export const MARKER_COLS = 2;
const GAP_COLS = 1;

const OPERATIONS: readonly Operation[] = [
  'ready',
  'boot',
  'reboot',
  'halt',
  'mount',
  'unmount',
  'create',
  'install',
  'uninstall',
  'delete',
];

export function chooseColumns(
  width: number,
  zones: readonly ZoneView[],
  t: Translate,
): Column[] {
  const natural = (id: ColumnId) => naturalWidth(id, zones, t);
  const chosen: Column[] = [
    { id: 'name', width: natural('name') },
    { id: 'state', width: natural('state') },
  ];
  const used = () =>
    MARKER_COLS +
    chosen.reduce((sum, c) => sum + c.width, 0) +
    GAP_COLS * (chosen.length - 1);

  // Cut the name, then the state, when even the two do not fit.
  for (const column of chosen) {
    const over = used() - width;
    if (over > 0) {
      column.width = Math.max(1, column.width - over);
    }
  }

  for (const id of PRIORITY) {
    const room = width - used() - GAP_COLS;
    const want = natural(id);

    if (want <= room) {
      chosen.push({ id, width: want });
    } else if (id === 'hostname' && room >= MIN_SHRUNK_WIDTH) {
      chosen.push({ id, width: room });
    }
  }

  return COLUMN_IDS.flatMap((id) => chosen.filter((c) => c.id === id));
}

function naturalWidth(
  id: ColumnId,
  zones: readonly ZoneView[],
  t: Translate,
): number {
  const header = displayWidth(t(`ui:column.${id}`));
  let widest = 0;

  if (id === 'state') {
    const labels = [
      ...ZONE_STATES.map((s) => t(`ui:state.${s}`)),
      ...OPERATIONS.map((o) => t(`ui:pending.${o}`)),
    ];
    widest = Math.max(...labels.map(displayWidth));
  } else if (id === 'uptime') {
    widest = displayWidth(t('ui:uptime.days', { days: 99, hours: 23 }));
  } else {
    const now = Date.now();
    for (const zone of zones) {
      widest = Math.max(widest, displayWidth(cellText(id, zone, t, now)));
    }
  }

  return Math.min(MAX_WIDTH[id], Math.max(header, widest, 1));
}

/** What one cell of the table says. */
export function cellText(
  id: ColumnId,
  zone: ZoneView,
  t: Translate,
  now: number,
  pending?: Operation,
): string {
  switch (id) {
    case 'name':
      return zone.name;
    case 'state':
      return pending ? t(`ui:pending.${pending}`) : t(`ui:state.${zone.state}`);
    case 'brand':
      return zone.brand;
    case 'uptime':
      return uptimeText(zone, t, now);
    case 'hostname':
      return zone.hostname;
    case 'caps':
      return capsText(zone, t);
  }
}

export function uptimeText(zone: ZoneView, t: Translate, now: number): string {
  if (zone.state !== 'running' || zone.bootedAt === undefined) {
    return '-';
  }

  const { days, hours, minutes } = uptimeParts(zone.bootedAt, now);
  // Two digits after a larger unit, so that a column of uptimes aligns.
  const two = (n: number) => String(n).padStart(2, '0');

  if (days > 0) {
    return t('ui:uptime.days', { days, hours: two(hours) });
  }
  if (hours > 0) {
    return t('ui:uptime.hours', { hours, minutes: two(minutes) });
  }

  return t('ui:uptime.minutes', { minutes });
}

export function capsText(zone: ZoneView, t: Translate): string {
  const parts: string[] = [];

  if (zone.caps.memory !== undefined) {
    parts.push(t('ui:caps.memory', { value: zone.caps.memory }));
  }
  if (zone.caps.cpu !== undefined) {
    parts.push(t('ui:caps.cpu', { value: zone.caps.cpu }));
  }
  if (zone.caps.processes !== undefined) {
    parts.push(t('ui:caps.processes', { value: zone.caps.processes }));
  }

  return parts.length > 0 ? parts.join(' ') : '-';
}

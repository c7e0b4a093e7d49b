/**
 * The zone table: a header line, then one line per zone, scrolled so that
 * the selected zone stays in view. Cells are computed at every render, so
 * states and uptimes always show in the current language.
 */
import { Box, Text } from 'ink';
import type { ZoneView } from '../../src/client/types.js';
import { useMinuteTick } from '../hooks/use-minute-tick.js';
import { useController, useUiState } from '../hooks/use-ui.js';
import {
  MARKER_COLS,
  cellText,
  chooseColumns,
  type Column,
} from '../model/columns.js';
import { selectedIndex, visibleZones } from '../model/selection.js';
import { stateStyle } from '../model/state-style.js';
import { fit } from '../model/text-fit.js';

export interface ZoneTableProps {
  width: number;
  /** Lines, the header included. */
  height: number;
}

export function ZoneTable({ width, height }: ZoneTableProps) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const rows = visibleZones(state);
  const showsUptime = rows.some(
    (z) => z.state === 'running' && z.bootedAt !== undefined,
  );
  const now = useMinuteTick(showsUptime);
  const columns = chooseColumns(width, state.zones, t);
  const selected = selectedIndex(state, rows);
  const room = Math.max(0, height - 1);
  const first = Math.max(
    0,
    Math.min(selected - Math.floor(room / 2), rows.length - room),
  );
  const header =
    ' '.repeat(MARKER_COLS) +
    columns.map((c) => fit(t(`ui:column.${c.id}`), c.width)).join(' ');

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        {fit(header, width)}
      </Text>
      {!state.loaded ? (
        <Text dimColor wrap="truncate">
          {t('ui:table.loading')}
        </Text>
      ) : null}
      {rows.length === 0 && state.filter !== '' ? (
        <Text dimColor wrap="truncate">
          {t('ui:filter.none', { filter: state.filter })}
        </Text>
      ) : null}
      {rows.slice(first, first + room).map((zone, i) => (
        <ZoneRow
          key={zone.name}
          zone={zone}
          columns={columns}
          width={width}
          now={now}
          selected={first + i === selected}
          focused={state.focus === 'table'}
        />
      ))}
    </Box>
  );
}

interface ZoneRowProps {
  zone: ZoneView;
  columns: readonly Column[];
  width: number;
  now: number;
  selected: boolean;
  focused: boolean;
}

function ZoneRow({
  zone,
  columns,
  width,
  now,
  selected,
  focused,
}: ZoneRowProps) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const pending = state.pending[zone.name];
  const style = stateStyle(zone.state, pending !== undefined);
  const cells = columns.map((c) => ({
    id: c.id,
    text: fit(cellText(c.id, zone, t, now, pending), c.width),
  }));
  const used =
    MARKER_COLS +
    columns.reduce((sum, c) => sum + c.width, 0) +
    columns.length -
    1;

  return (
    <Text wrap="truncate" inverse={selected && focused} bold={selected}>
      {selected ? '> ' : '  '}
      {cells.map((cell, i) => (
        <Text key={cell.id}>
          {i > 0 ? ' ' : ''}
          {cell.id === 'state' ? (
            <Text color={style.color} dimColor={style.dim}>
              {cell.text}
            </Text>
          ) : (
            cell.text
          )}
        </Text>
      ))}
      {' '.repeat(Math.max(0, width - used))}
    </Text>
  );
}

/**
 * The docked console: a title line, then the zone's screen drawn from its
 * headless terminal, one line of text with colour escapes per row.
 */
import { Box, Text } from 'ink';
import { runsToAnsi } from '../console/sgr.js';
import { useConsoleFrame } from '../hooks/use-console-frame.js';
import { useController, useUiState } from '../hooks/use-ui.js';
import { keyLabel } from '../model/key-labels.js';
import { fit } from '../model/text-fit.js';

export interface ConsolePaneProps {
  zone: string;
  width: number;
  height: number;
}

export function ConsolePane({ zone, width, height }: ConsolePaneProps) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const view = ui.pool.get(zone);
  useConsoleFrame(view);

  const focused = state.focus === 'console';
  const status = !view
    ? t('ui:console.attaching', { zone })
    : view.status === 'closed'
      ? t('ui:console.closedShort')
      : focused
        ? t('ui:console.focused', { key: keyLabel(ui.detachKey) })
        : t('ui:console.unfocused');
  const title = ` ${t('ui:console.title', { zone })} · ${status}`;
  const rows = Math.max(0, height - 1);
  const lines = view ? view.screen(focused).slice(0, rows).map(runsToAnsi) : [];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text inverse={focused} bold wrap="truncate">
        {fit(title, width)}
      </Text>
      {lines.map((line, y) => (
        <Text key={y} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

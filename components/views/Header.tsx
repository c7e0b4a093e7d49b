/** The title line: what the table holds, and which consoles are attached. */
import { Box, Text } from 'ink';
import { useController, useUiState } from '../hooks/use-ui.js';
import { truncate } from '../model/text-fit.js';

export function Header({ width }: { width: number }) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const running = state.zones.filter((z) => z.state === 'running').length;
  const consoles = ui.pool.attached();
  const parts = [
    t('ui:header.zones', { count: state.zones.length }),
    t('ui:header.running', { count: running }),
  ];

  if (consoles.length > 0) {
    parts.push(t('ui:header.consoles', { zones: consoles.join(', ') }));
  }
  if (state.filter !== '') {
    parts.push(t('ui:header.filter', { filter: state.filter }));
  }

  const title = 'zonectl';

  return (
    <Box width={width}>
      <Text bold color="cyan">
        {title}
      </Text>
      <Text dimColor wrap="truncate">
        {'  '}
        {truncate(parts.join(' · '), Math.max(0, width - title.length - 2))}
      </Text>
    </Box>
  );
}

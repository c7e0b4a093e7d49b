/**
 * Every key, generated from the same key map the table obeys, so the help
 * cannot forget one. Entries flow into as many columns as the height needs.
 */
import { Box, Text } from 'ink';
import { useController } from '../hooks/use-ui.js';
import { keyLabel } from '../model/key-labels.js';
import { TABLE_BINDINGS } from '../model/keys.js';
import { displayWidth, fit } from '../model/text-fit.js';

export interface HelpViewProps {
  width: number;
  height: number;
}

export function HelpView({ width, height }: HelpViewProps) {
  const ui = useController();
  const t = ui.t;
  const entries: [string, string][] = [
    ...TABLE_BINDINGS.map((b): [string, string] => [
      b.keys.map(keyLabel).join(' '),
      t(`ui:keys.${b.label}`),
    ]),
    [keyLabel(ui.detachKey), t('ui:keys.toTable')],
    [`${t('ui:confirm.yesKey')} N`, t('ui:keys.answer')],
  ];
  const rows = Math.max(1, height - 2);
  const columns = Math.ceil(entries.length / rows);
  const columnWidth = Math.max(10, Math.floor(width / columns) - 1);
  const keyWidth = Math.min(
    12,
    Math.max(...entries.map(([key]) => displayWidth(key))),
  );

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        {t('ui:help.title')}
      </Text>
      <Box>
        {Array.from({ length: columns }, (_, c) => (
          <Box key={c} flexDirection="column" width={columnWidth + 1}>
            {entries.slice(c * rows, (c + 1) * rows).map(([key, label]) => (
              <Text key={key} wrap="truncate">
                <Text bold color="cyan">
                  {fit(key, keyWidth)}
                </Text>
                {` ${fit(label, Math.max(0, columnWidth - keyWidth - 1))}`}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text dimColor wrap="truncate">
        {t('ui:help.close')}
      </Text>
    </Box>
  );
}

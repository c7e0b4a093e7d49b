/**
 * What a newcomer sees with no zones: one key creates and installs a
 * sample zone, then `b` boots it and Enter opens its console.
 */
import { Box, Text } from 'ink';
import { useController } from '../hooks/use-ui.js';
import { SAMPLE_ZONE } from '../model/operations.js';

export function FirstRun({ width }: { width: number }) {
  const ui = useController();
  const t = ui.t;

  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="green"
      paddingX={1}
      width={Math.min(width, 72)}
    >
      <Text bold color="green">
        {t('ui:firstRun.title')}
      </Text>
      <Text wrap="wrap">{t('ui:firstRun.text')}</Text>
      <Text> </Text>
      <Text wrap="wrap">{t('ui:firstRun.offer', { zone: SAMPLE_ZONE })}</Text>
      <Text wrap="wrap">{t('ui:firstRun.own')}</Text>
    </Box>
  );
}

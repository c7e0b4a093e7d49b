/**
 * Uninstalling or deleting a zone cannot be undone, so the operator types
 * the zone's name: a habit of pressing `y` cannot destroy anything.
 */
import { Box, Text } from 'ink';
import { useController } from '../hooks/use-ui.js';
import type { Dialog } from '../model/ui-state.js';

export interface RemoveDialogProps {
  dialog: Extract<Dialog, { kind: 'remove' }>;
  width: number;
}

export function RemoveDialog({ dialog, width }: RemoveDialogProps) {
  const ui = useController();
  const t = ui.t;
  const { removal, zone } = dialog;
  const zonepath = ui.state.zones.find((z) => z.name === zone)?.zonepath ?? '';

  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="red"
      paddingX={1}
      width={Math.min(width, 72)}
    >
      <Text bold color="red">
        {t(`ui:remove.${removal}.title`, { zone })}
      </Text>
      <Text wrap="wrap">
        {t(`ui:remove.${removal}.text`, { zone, zonepath })}
      </Text>
      <Text wrap="wrap">{t('ui:remove.typeName', { zone })}</Text>
      <Text>
        <Text color="cyan">{'> '}</Text>
        {dialog.typed}▏
      </Text>
      {dialog.mismatch ? (
        <Text color="red">{t('ui:remove.mismatch', { zone })}</Text>
      ) : null}
    </Box>
  );
}

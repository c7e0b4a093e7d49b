/**
 * The message line: a question being asked (y/N), the filter being typed,
 * or the latest result. Errors are red and stay until something replaces
 * them, so a failure is never missed.
 */
import { Text } from 'ink';
import { useController, useUiState } from '../hooks/use-ui.js';
import { noteLine } from '../model/text.js';
import { truncate } from '../model/text-fit.js';

const TONE_COLOR = { info: undefined, ok: 'green', error: 'red' } as const;

export function MessageLine({ width }: { width: number }) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const { dialog, note } = state;
  const suffix = () => t('ui:confirm.suffix', { yes: t('ui:confirm.yesKey') });

  if (dialog?.kind === 'confirm') {
    const question = t(`ui:confirm.${dialog.command}`, { zone: dialog.zone });
    return (
      <Text color="yellow" bold wrap="truncate">
        {truncate(`${question} ${suffix()}`, width)}
      </Text>
    );
  }
  if (dialog?.kind === 'quit') {
    return (
      <Text color="yellow" bold wrap="truncate">
        {truncate(`${t('ui:confirm.quit')} ${suffix()}`, width)}
      </Text>
    );
  }
  if (state.filtering) {
    return (
      <Text wrap="truncate">
        {truncate(`${t('ui:filter.prompt')}${state.filter}▏`, width)}
      </Text>
    );
  }
  if (!note) {
    return <Text> </Text>;
  }

  return (
    <Text color={TONE_COLOR[note.tone]} wrap="truncate">
      {truncate(noteLine(note, t), width)}
    </Text>
  );
}

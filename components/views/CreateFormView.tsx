/** The small form `n` opens: a name, optional caps, and install or not. */
import { Box, Text } from 'ink';
import { describe } from '../../src/core/describe.js';
import { useController } from '../hooks/use-ui.js';
import { CREATE_FIELDS, type CreateForm } from '../model/ui-state.js';
import { fit, truncate } from '../model/text-fit.js';

export interface CreateFormViewProps {
  form: CreateForm;
  width: number;
}

// Wide enough for the longest label in any language.
const LABEL_COLS = 22;

export function CreateFormView({ form, width }: CreateFormViewProps) {
  const ui = useController();
  const t = ui.t;
  const inner = Math.max(20, Math.min(width, 72) - 4);

  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor="cyan"
      paddingX={1}
      width={inner + 4}
    >
      <Text bold>{t('ui:create.title')}</Text>
      {CREATE_FIELDS.map((field, i) => {
        const active = i === form.field;
        const value =
          field === 'install'
            ? form.install
              ? '[x]'
              : '[ ]'
            : form.values[field] + (active ? '▏' : '');
        const hint =
          field === 'install' || field === 'name' || form.values[field] !== ''
            ? ''
            : t('ui:create.optional');

        return (
          <Text key={field} wrap="truncate">
            <Text color={active ? 'cyan' : undefined} bold={active}>
              {fit(
                `${active ? '›' : ' '} ${t(`ui:create.${field}`)}`,
                LABEL_COLS,
              )}
            </Text>
            {value}
            <Text dimColor>{hint}</Text>
          </Text>
        );
      })}
      {form.error !== undefined ? (
        <Text color="red" wrap="wrap">
          {describe(form.error, t)}
        </Text>
      ) : null}
      <Text dimColor wrap="truncate">
        {truncate(form.busy ? t('ui:create.busy') : t('ui:create.help'), inner)}
      </Text>
    </Box>
  );
}

/** The bottom line: the keys that matter now, as many as fit. */
import { Text } from 'ink';
import { useController, useUiState } from '../hooks/use-ui.js';
import { keyLabel } from '../model/key-labels.js';
import { TABLE_BINDINGS } from '../model/keys.js';
import type { UiState } from '../model/ui-state.js';
import { displayWidth } from '../model/text-fit.js';

type Hint = [key: string, label: string];

// Stands for the yes key of the current language (y, j, o).
const YES_KEY = 'yes-key';

export function KeyHints({ width }: { width: number }) {
  const ui = useController();
  const state = useUiState();
  const t = ui.t;
  const hints = hintsFor(state, ui.detachKey, ui.showsFirstRun(state)).map(
    ([key, label]): Hint => [
      key === YES_KEY ? t('ui:confirm.yesKey') : keyLabel(key),
      t(`ui:keys.${label}`),
    ],
  );

  // Whole hints only: a cut one would read as a different key.
  const shown: Hint[] = [];
  let used = 0;
  for (const hint of hints) {
    const w = displayWidth(`${hint[0]} ${hint[1]}`) + 2;
    if (used + w > width) {
      break;
    }
    shown.push(hint);
    used += w;
  }

  return (
    <Text wrap="truncate">
      {shown.map(([key, label]) => (
        <Text key={key}>
          <Text bold color="cyan">
            {key}
          </Text>
          <Text dimColor>{` ${label}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}

function hintsFor(
  state: UiState,
  detachKey: string,
  firstRun: boolean,
): Hint[] {
  switch (state.dialog?.kind) {
    case 'help':
      return [['escape', 'close']];
    case 'confirm':
    case 'quit':
      return [
        [YES_KEY, 'yes'],
        ['N', 'no'],
      ];
    case 'remove':
      return [
        ['enter', 'confirm'],
        ['escape', 'cancel'],
      ];
    case 'create':
      return [
        ['tab', 'nextField'],
        ['space', 'toggle'],
        ['enter', 'submit'],
        ['escape', 'cancel'],
      ];
    case 'language':
      return [
        ['up', 'choose'],
        ['enter', 'apply'],
        ['escape', 'cancel'],
      ];
  }

  if (state.filtering) {
    return [
      ['enter', 'keepFilter'],
      ['escape', 'clearFilter'],
    ];
  }
  if (state.focus === 'console') {
    return [[detachKey, 'toTable']];
  }
  if (firstRun) {
    return [
      ['enter', 'sample'],
      ['n', 'create'],
      ['escape', 'decline'],
      ['q', 'quit'],
    ];
  }

  return TABLE_BINDINGS.filter((b) => b.hint).map((b): Hint => [
    b.keys[0] ?? '',
    b.label,
  ]);
}

/**
 * Everything between the title and the message line: the table and the
 * docked console (below or beside it), or a dialog in their place.
 */
import { Box } from 'ink';
import { useController, useUiState } from '../hooks/use-ui.js';
import { ConsolePane } from './ConsolePane.js';
import { CreateFormView } from './CreateFormView.js';
import { FirstRun } from './FirstRun.js';
import { HelpView } from './HelpView.js';
import { LanguagePicker } from './LanguagePicker.js';
import { RemoveDialog } from './RemoveDialog.js';
import { ZoneTable } from './ZoneTable.js';

export function Body() {
  const ui = useController();
  const state = useUiState();
  const layout = ui.layout(state);
  const { width } = layout.frame;
  const height = layout.frame.height - 3;
  const { dialog } = state;

  if (dialog?.kind === 'help') {
    return <HelpView width={width} height={height} />;
  }

  let overlay;
  if (dialog?.kind === 'create') {
    overlay = <CreateFormView form={dialog.form} width={width} />;
  } else if (dialog?.kind === 'remove') {
    overlay = <RemoveDialog dialog={dialog} width={width} />;
  } else if (dialog?.kind === 'language') {
    overlay = <LanguagePicker index={dialog.index} />;
  } else if (ui.showsFirstRun(state)) {
    overlay = <FirstRun width={width} />;
  }

  if (overlay) {
    return (
      <Box
        width={width}
        height={height}
        overflow="hidden"
        paddingLeft={1}
        alignItems="flex-start"
      >
        {overlay}
      </Box>
    );
  }

  const table = (
    <ZoneTable width={layout.table.width} height={layout.table.height} />
  );
  const pane =
    state.docked && layout.pane ? (
      <ConsolePane
        zone={state.docked}
        width={layout.pane.width}
        height={layout.pane.height}
      />
    ) : null;

  return (
    <Box
      flexDirection={layout.orientation === 'beside' ? 'row' : 'column'}
      width={width}
      height={height}
      overflow="hidden"
    >
      {table}
      {pane && layout.orientation === 'beside' ? (
        <Box
          borderStyle="single"
          borderTop={false}
          borderRight={false}
          borderBottom={false}
          borderDimColor
          width={1}
          height={height}
        />
      ) : null}
      {pane}
    </Box>
  );
}

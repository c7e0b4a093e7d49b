/**
 * The terminal UI's root: a title line, the body, the message line and the
 * key hints, exactly one line shorter than the terminal (see layout.ts).
 */
import { Box } from 'ink';
import { useKeys } from './hooks/use-keys.js';
import { useRawInput } from './hooks/use-raw-input.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import {
  ControllerContext,
  useController,
  useUiState,
} from './hooks/use-ui.js';
import type { Controller } from './model/controller.js';
import { Body } from './views/Body.js';
import { Header } from './views/Header.js';
import { KeyHints } from './views/KeyHints.js';
import { MessageLine } from './views/MessageLine.js';

export function App({ controller }: { controller: Controller }) {
  return (
    <ControllerContext.Provider value={controller}>
      <Screen />
    </ControllerContext.Provider>
  );
}

function Screen() {
  const ui = useController();
  const state = useUiState();
  useKeys();
  useRawInput();
  useTerminalSize();

  const { frame } = ui.layout(state);

  return (
    <Box flexDirection="column" width={frame.width} height={frame.height}>
      <Header width={frame.width} />
      <Body />
      <MessageLine width={frame.width} />
      <KeyHints width={frame.width} />
    </Box>
  );
}

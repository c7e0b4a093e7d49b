/**
 * Follows the terminal's size and hands every change to the controller.
 * Ink redraws on the same event; the controller resizes the docked console
 * so that it always matches its pane.
 */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import { MIN_SIZE } from '../model/layout.js';
import { useController } from './use-ui.js';

export function useTerminalSize(): void {
  const { stdout } = useStdout();
  const controller = useController();

  useEffect(() => {
    const update = () =>
      controller.resize({
        cols: stdout.columns || MIN_SIZE.cols,
        rows: stdout.rows || MIN_SIZE.rows,
      });

    update();
    stdout.on('resize', update);

    return () => {
      stdout.off('resize', update);
    };
  }, [stdout, controller]);
}

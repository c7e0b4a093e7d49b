/** Follows the terminal's size and hands every change to the controller. */
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

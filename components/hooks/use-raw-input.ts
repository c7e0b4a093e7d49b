/**
 * The keyboard's bytes as they come, for the console. Ink's own key events
 * strip the ESC prefix of Alt-combinations and blank some keys, which a
 * program in the zone would miss; every chunk Ink reads is also emitted as
 * `data`, unparsed, and that is what the zone gets.
 */
import { useStdin } from 'ink';
import { useEffect } from 'react';
import { useController } from './use-ui.js';

export function useRawInput(): void {
  const { stdin } = useStdin();
  const controller = useController();

  useEffect(() => {
    const forward = (chunk: string | Buffer) =>
      controller.dock.input(chunk.toString());

    stdin.on('data', forward);

    return () => {
      stdin.off('data', forward);
    };
  }, [stdin, controller]);
}

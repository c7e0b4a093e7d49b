/**
 * The UI's single key handler. It stays active even while a console has
 * the keyboard: Ink leaves raw mode when no handler is active, and the
 * console needs raw mode. The controller ignores keys meant for the zone.
 */
import { useInput } from 'ink';
import { useCallback } from 'react';
import { decodeKeys, type KeyFlags } from '../model/keys.js';
import { useController } from './use-ui.js';

export function useKeys(): void {
  const controller = useController();
  const handler = useCallback(
    (input: string, key: KeyFlags) => {
      for (const press of decodeKeys(input, key)) {
        controller.key(press);
      }
    },
    [controller],
  );

  useInput(handler);
}

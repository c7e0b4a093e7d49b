/**
 * Redraws a console pane when its terminal has a new frame. The view's
 * frames are already throttled, so this costs at most one render per frame
 * interval during a flood and nothing while the console is quiet.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { ConsoleView } from '../console/console-view.js';

export function useConsoleFrame(view: ConsoleView | undefined): number {
  const subscribe = useCallback(
    (listener: () => void) => (view ? view.subscribe(listener) : () => {}),
    [view],
  );

  return useSyncExternalStore(subscribe, () => view?.version ?? -1);
}

/**
 * The controller and its current state, for any view. The state lives in
 * an external store, so it outlives the Ink app across a full-screen
 * console and every view re-renders from the same snapshot.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Controller } from '../model/controller.js';
import type { UiState } from '../model/ui-state.js';

export const ControllerContext = createContext<Controller | undefined>(
  undefined,
);

export function useController(): Controller {
  const controller = useContext(ControllerContext);

  if (!controller) {
    throw new Error('a view was rendered outside <ControllerContext>');
  }

  return controller;
}

export function useUiState(): UiState {
  const { store } = useController();

  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

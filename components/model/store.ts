/**
 * A minimal external store: the UI's state lives outside React so that it
 * survives the Ink app being unmounted for a full-screen console, and so
 * that the logic can be tested without rendering anything.
 */
export interface Store<S> {
  get(): S;
  /** Replaces part of the state and tells every subscriber once. */
  set(change: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();

  return {
    get: () => state,
    set(change) {
      const patch = typeof change === 'function' ? change(state) : change;
      state = { ...state, ...patch };

      for (const listener of [...listeners]) {
        listener();
      }
    },
    subscribe(listener) {
      listeners.add(listener);

      return () => listeners.delete(listener);
    },
  };
}

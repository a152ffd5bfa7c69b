// A tiny store around a pure reducer, shaped for React's useSyncExternalStore: it holds the current
// state, applies actions through `reduce`, and notifies listeners after each one. The cluster client
// and the lab client are both this store.
export interface ReducerStore<S, A> {
  getState(): S;
  /** Applies the action and returns the new state. */
  dispatch(action: A): S;
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: () => void): () => void;
  /** Back to a given state (undo, scenario restart). */
  reset(state: S): void;
}

export function createReducerStore<S, A>(initial: S, reduce: (state: S, action: A) => S): ReducerStore<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => state,
    dispatch(action) {
      state = reduce(state, action);
      notify();
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset(next) {
      state = next;
      notify();
    },
  };
}

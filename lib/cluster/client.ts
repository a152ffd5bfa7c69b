// A tiny store around the pure reducer, shaped for React's useSyncExternalStore:
//   const state = useSyncExternalStore(client.subscribe, client.getState);
// It holds the current state, applies actions through `step`, and notifies listeners after each one.
import type { ClusterAction } from "./sim/actions";
import { createCluster, step } from "./sim/reducer";
import type { ClusterConfig, ClusterState } from "./sim/types";

export interface ClusterClient {
  getState(): ClusterState;
  /** Applies the action and returns the new state (an invalid action only records an error). */
  dispatch(action: ClusterAction): ClusterState;
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: () => void): () => void;
  /** Back to a given state (undo, scenario restart). */
  reset(state: ClusterState): void;
}

export function createClient(initial: ClusterState | { config?: Partial<ClusterConfig>; seed?: number | string } = {}): ClusterClient {
  let state: ClusterState = "schema" in initial ? initial : createCluster(initial.config ?? {}, initial.seed ?? "offset");
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => state,
    dispatch(action) {
      state = step(state, action);
      notify();
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset(next) {
      state = next;
      notify();
    },
  };
}

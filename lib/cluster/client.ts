// The cluster as a store (lib/cluster/store.ts), shaped for React's useSyncExternalStore:
//   const state = useSyncExternalStore(client.subscribe, client.getState);
import type { ClusterAction } from "./sim/actions";
import { createCluster, step } from "./sim/reducer";
import type { ClusterConfig, ClusterState } from "./sim/types";
import { createReducerStore } from "./store";

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
  return createReducerStore<ClusterState, ClusterAction>("schema" in initial ? initial : createCluster(initial.config ?? {}, initial.seed ?? "offset"), step);
}

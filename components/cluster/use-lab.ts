"use client";

// The lab's client, its playback loop and the shareable URL, as one hook. The lab model
// (lib/demos/lab) is pure; this file is where it meets the browser: requestAnimationFrame drives time,
// history.replaceState keeps `?run=` current, React subscribes with useSyncExternalStore.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import {
  LAB_QUANTUM_MS,
  createLab,
  createLabClient,
  decodeLabRun,
  encodeLabRun,
  replayLab,
  type LabAction,
  type LabClient,
  type LabState,
} from "@/lib/demos/lab";
import { advanceClock, startClock, type Speed } from "./playback";

export interface LabStart {
  state: LabState;
  /** Set when a shared run could not be replayed: the lab starts fresh and says why. */
  problem: string | null;
  /** True when the lab was replayed from a shared run. */
  replayed: boolean;
}

/** The state a page opens on: a shared run replayed on its seed, or the scenario's start. */
function startLab(scenarioId: DemoScenarioId, run: string | null): LabStart {
  if (run) {
    const decoded = decodeLabRun(run);
    if (!decoded.ok) return { state: createLab(scenarioId), problem: decoded.error, replayed: false };
    if (decoded.scenarioId !== scenarioId) {
      return { state: createLab(scenarioId), problem: `That link belongs to the "${decoded.scenarioId}" demo, not this one.`, replayed: false };
    }
    return { state: replayLab(decoded.scenarioId, decoded.seed, decoded.actions), problem: null, replayed: true };
  }
  return { state: createLab(scenarioId), problem: null, replayed: false };
}

export function runUrl(state: LabState, base?: string): string {
  const url = new URL(base ?? window.location.href);
  url.searchParams.set("run", encodeLabRun(state));
  return url.toString();
}

export interface LabController {
  client: LabClient;
  state: LabState;
  playing: boolean;
  speed: Speed;
  start: LabStart;
  dispatch(action: LabAction): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  /** Advances time by whole quanta, paused or not. */
  advance(quanta: number): void;
}

export function useLab(scenarioId: DemoScenarioId, run: string | null, options: { syncUrl: boolean }): LabController {
  const [{ client, start }] = useState(() => {
    const begin = startLab(scenarioId, run);
    return { client: createLabClient(begin.state), start: begin };
  });
  const state = useSyncExternalStore(client.subscribe, client.getState, client.getState);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const speedRef = useRef<number>(speed);
  useEffect(() => {
    speedRef.current = speed;
  }, [speed]);

  // Time runs while playing: whole quanta, a few dispatches per second (see playback.ts).
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let clock = startClock(last);
    const tick = (now: number) => {
      const result = advanceClock(clock, now, now - last, { quantumMs: LAB_QUANTUM_MS, speed: speedRef.current });
      last = now;
      clock = result.clock;
      if (result.quanta > 0) client.dispatch({ type: "tick", quanta: result.quanta });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, client]);

  // The URL follows the run (debounced: while playing, ticks change it several times a second).
  const actions = state.actions;
  useEffect(() => {
    if (!options.syncUrl) return;
    const timer = window.setTimeout(() => {
      const url = runUrl(client.getState());
      if (url !== window.location.href) window.history.replaceState(window.history.state, "", url);
    }, 400);
    return () => window.clearTimeout(timer);
  }, [actions, client, options.syncUrl]);

  const dispatch = useCallback((action: LabAction) => void client.dispatch(action), [client]);
  const advance = useCallback((quanta: number) => void client.dispatch({ type: "tick", quanta }), [client]);
  return { client, state, playing, speed, start, dispatch, setPlaying, setSpeed, advance };
}

// Turning wall-clock frames into simulated time (pure). The lab advances in quanta of LAB_QUANTUM_MS;
// the view collects the real time that passed, times the speed, and dispatches whole quanta at most
// every `minIntervalMs` so the whole view re-renders a few times per second, not on every frame
// (the moving dots animate on their own between steps).

export const SPEEDS = [0.5, 1, 2, 5, 10] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlaybackClock {
  /** Simulated milliseconds owed but not yet dispatched. */
  owed: number;
  /** Wall time of the last dispatch. */
  lastDispatchAt: number;
}

export interface PlaybackOptions {
  quantumMs: number;
  speed: number;
  /** Real milliseconds between two dispatches at least (default 100). */
  minIntervalMs?: number;
  /** Never dispatch more than this many quanta at once (a hidden tab comes back without a storm). */
  maxQuanta?: number;
}

export function startClock(now: number): PlaybackClock {
  return { owed: 0, lastDispatchAt: now };
}

/**
 * One animation frame: `elapsed` real milliseconds passed since the previous frame. Returns the new
 * clock and how many quanta to dispatch now (0 = nothing this frame).
 */
export function advanceClock(clock: PlaybackClock, now: number, elapsed: number, options: PlaybackOptions): { clock: PlaybackClock; quanta: number } {
  const maxQuanta = options.maxQuanta ?? 20;
  const owed = Math.min(clock.owed + Math.max(0, elapsed) * options.speed, maxQuanta * options.quantumMs);
  const due = now - clock.lastDispatchAt >= (options.minIntervalMs ?? 100);
  const quanta = due ? Math.floor(owed / options.quantumMs) : 0;
  if (quanta === 0) return { clock: { ...clock, owed }, quanta: 0 };
  return { clock: { owed: owed - quanta * options.quantumMs, lastDispatchAt: now }, quanta };
}

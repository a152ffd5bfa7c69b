"use client";

// The moving dots. A fixed pool of circles is rendered once; new flights take a free circle and a
// requestAnimationFrame loop moves them by setting attributes directly (no React render per frame,
// never a DOM node per record). The loop stops when nothing is in the air. Reduced motion: no dots.
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { Flight, FlightKind } from "./flights";

const POOL_SIZE = 48;

export interface FlightLayerHandle {
  launch(flights: Flight[], durationMs: number): void;
  /** Dots currently in the air (for tests and the benchmark). */
  active(): number;
}

interface Active {
  flight: Flight;
  startAt: number;
  duration: number;
  circle: SVGCircleElement;
}

const KIND_CLASS: Record<FlightKind, string> = {
  produce: "fill-accent",
  replicate: "fill-muted",
  consume: "fill-good",
};

export const FlightLayer = forwardRef<FlightLayerHandle>(function FlightLayer(_, ref) {
  const groupRef = useRef<SVGGElement>(null);
  const active = useRef<Active[]>([]);
  const frame = useRef(0);
  const reducedMotion = useRef(false);

  useEffect(() => {
    const query = window.matchMedia("(prefers-reduced-motion: reduce)");
    reducedMotion.current = query.matches;
    const onChange = () => (reducedMotion.current = query.matches);
    query.addEventListener("change", onChange);
    return () => {
      query.removeEventListener("change", onChange);
      cancelAnimationFrame(frame.current);
    };
  }, []);

  useImperativeHandle(ref, () => {
    const animate = (now: number) => {
      const still: Active[] = [];
      for (const dot of active.current) {
        const progress = (now - dot.startAt) / dot.duration;
        if (progress >= 1) {
          dot.circle.setAttribute("opacity", "0");
          continue;
        }
        still.push(dot);
        if (progress < 0) continue;
        // Ease in-out, so a dot leaves and arrives gently.
        const eased = progress < 0.5 ? 2 * progress * progress : 1 - (-2 * progress + 2) ** 2 / 2;
        const { from, to } = dot.flight;
        dot.circle.setAttribute("cx", (from.x + (to.x - from.x) * eased).toFixed(1));
        dot.circle.setAttribute("cy", (from.y + (to.y - from.y) * eased).toFixed(1));
        dot.circle.setAttribute("opacity", progress > 0.85 ? ((1 - progress) / 0.15).toFixed(2) : "1");
      }
      active.current = still;
      frame.current = still.length > 0 ? requestAnimationFrame(animate) : 0;
    };
    return {
      launch(flights, durationMs) {
        const group = groupRef.current;
        if (!group || reducedMotion.current || flights.length === 0) return;
        const busy = new Set(active.current.map((dot) => dot.circle));
        const free = (Array.from(group.children) as SVGCircleElement[]).filter((circle) => !busy.has(circle));
        const now = performance.now();
        for (const flight of flights) {
          const circle = free.shift();
          if (!circle) break;
          circle.setAttribute("class", KIND_CLASS[flight.kind]);
          circle.setAttribute("cx", String(flight.from.x));
          circle.setAttribute("cy", String(flight.from.y));
          circle.setAttribute("opacity", "0");
          active.current.push({ flight, startAt: now + flight.delay * durationMs, duration: durationMs, circle });
        }
        if (frame.current === 0) frame.current = requestAnimationFrame(animate);
      },
      active: () => active.current.length,
    };
  }, []);

  return (
    <g ref={groupRef} aria-hidden="true" data-testid="record-dots">
      {Array.from({ length: POOL_SIZE }, (_, index) => (
        <circle key={index} r={4.5} cx={0} cy={0} opacity={0} />
      ))}
    </g>
  );
});

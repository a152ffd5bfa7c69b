"use client";

// The cluster drawn as SVG: producer → brokers (each replica a chip: leader, in-sync follower,
// out-of-sync follower, offline) → consumer group (idle members marked), and under them one lane per
// partition with its log, high watermark and committed offsets. Geometry lives in layout.ts.
import { memo, useEffect, useId, useMemo, useRef } from "react";
import type { ClusterState } from "@/lib/cluster";
import { cn } from "@/components/ui/cn";
import { FlightLayer, type FlightLayerHandle } from "./flight-layer";
import { flightsBetween } from "./flights";
import { formatCount } from "./format";
import { laneX, layoutDiagram, type BrokerSlot, type ConsumerSlot, type DiagramInput, type DiagramLayout, type GroupSlot, type PartitionLane, type ReplicaSlot } from "./layout";

/** Colours of committed-offset markers, one per group (read on both themes). */
const GROUP_MARKER_CLASSES = ["fill-good stroke-good", "fill-[#7048e8] stroke-[#7048e8] dark:fill-[#b197fc] dark:stroke-[#b197fc]"];

const ROLE_LABEL: Record<ReplicaSlot["role"], string> = {
  leader: "leader",
  follower: "in ISR",
  "out-of-sync": "out of ISR",
  offline: "offline",
};

function ReplicaChip({ slot, roleOffset }: { slot: ReplicaSlot; roleOffset: number }) {
  const leaderDown = slot.role === "leader" && slot.brokerDown;
  const shape = leaderDown
    ? "fill-bad-soft stroke-bad"
    : slot.role === "leader"
      ? "fill-accent stroke-accent"
      : slot.role === "follower"
        ? "fill-accent-soft stroke-accent"
        : slot.role === "out-of-sync"
          ? "fill-warn-soft stroke-warn"
          : "fill-surface-2 stroke-border";
  const text = leaderDown ? "fill-bad" : slot.role === "leader" ? "fill-accent-fg" : slot.role === "follower" ? "fill-accent-strong" : slot.role === "out-of-sync" ? "fill-warn" : "fill-muted";
  const dashed = slot.role === "out-of-sync" || slot.role === "offline";
  const baseline = slot.y + slot.h / 2 + 4;
  return (
    <g data-testid="replica" data-broker={slot.broker} data-tp={slot.tp} data-role={leaderDown ? "leader-down" : slot.role} data-leo={slot.leo}>
      <rect x={slot.x} y={slot.y} width={slot.w} height={slot.h} rx={6} className={shape} strokeWidth={1.2} strokeDasharray={dashed ? "4 3" : undefined} />
      <text x={slot.x + 8} y={baseline} className={cn("font-mono text-[11px]", text)}>
        {slot.tp}
      </text>
      <text x={slot.x + roleOffset} y={baseline} className={cn("text-[10.5px]", text, slot.role === "leader" && "font-semibold")}>
        {leaderDown ? "leader, down" : ROLE_LABEL[slot.role]}
      </text>
      <text x={slot.x + slot.w - 8} y={baseline} textAnchor="end" className={cn("font-mono text-[10.5px] tabular-nums", text)}>
        {formatCount(slot.leo, true)}
      </text>
    </g>
  );
}

function BrokerCard({ broker, roleOffset }: { broker: BrokerSlot; roleOffset: number }) {
  const down = broker.status !== "online";
  const status = broker.status === "online" ? (broker.controller ? "online · controller" : "online") : broker.fenced ? `${broker.status} · fenced` : `${broker.status} · not fenced yet`;
  return (
    <g data-testid="broker" data-broker={broker.id} data-status={broker.status}>
      <rect x={broker.x} y={broker.y} width={broker.w} height={broker.h} rx={12} className={down ? "fill-surface-2 stroke-bad" : "fill-surface stroke-border"} strokeWidth={1.2} strokeDasharray={down ? "6 4" : undefined} />
      <circle cx={broker.x + 16} cy={broker.y + 18} r={4.5} className={down ? "fill-bad" : "fill-good"} />
      <text x={broker.x + 28} y={broker.y + 22} className="fill-text text-[13px] font-semibold">
        Broker {broker.id}
      </text>
      <text x={broker.x + 14} y={broker.y + 37} className={cn("text-[11px]", down ? "fill-bad" : "fill-muted")}>
        {status}
      </text>
      {broker.replicas.map((slot) => (
        <ReplicaChip key={slot.key} slot={slot} roleOffset={roleOffset} />
      ))}
    </g>
  );
}

const CONSUMER_STATUS: Record<ConsumerSlot["status"], string> = {
  running: "reading",
  slow: "slow",
  crashed: "crashed",
  idle: "idle · no partition",
};

function ConsumerCard({ consumer }: { consumer: ConsumerSlot }) {
  const tone =
    consumer.status === "crashed"
      ? "fill-bad-soft stroke-bad"
      : consumer.status === "slow"
        ? "fill-warn-soft stroke-warn"
        : consumer.status === "idle"
          ? "fill-surface-2 stroke-muted"
          : "fill-surface stroke-border";
  const statusText = consumer.status === "crashed" ? "fill-bad" : consumer.status === "slow" ? "fill-warn" : "fill-muted";
  const partitions = consumer.partitions.map((tp) => tp.replace(/^.*-(\d+)$/, "P$1")).join(" ");
  return (
    <g data-testid="consumer" data-consumer={consumer.id} data-status={consumer.status}>
      <rect x={consumer.x} y={consumer.y} width={consumer.w} height={consumer.h} rx={8} className={tone} strokeWidth={1.2} strokeDasharray={consumer.status === "idle" ? "5 4" : undefined} />
      <text x={consumer.x + 10} y={consumer.y + 17} className="fill-text font-mono text-[11.5px] font-medium">
        {consumer.id}
      </text>
      <text x={consumer.x + consumer.w - 10} y={consumer.y + 17} textAnchor="end" className={cn("text-[10.5px]", statusText)}>
        {CONSUMER_STATUS[consumer.status]}
      </text>
      <text x={consumer.x + 10} y={consumer.y + 34} className="fill-muted font-mono text-[10.5px]">
        {partitions || "—"}
      </text>
    </g>
  );
}

function GroupBox({ group }: { group: GroupSlot }) {
  return (
    <g data-testid="group" data-group={group.id}>
      <rect x={group.x} y={group.y} width={group.w} height={group.h} rx={12} className="fill-surface stroke-border" strokeWidth={1.2} />
      <text x={group.x + 12} y={group.y + 20} className="fill-text text-[13px] font-semibold">
        {group.id}
      </text>
      <text x={group.x + 12} y={group.y + 35} className="fill-muted text-[11px]">
        {group.state}
        {group.protocol ? ` · ${group.protocol}` : ""}
      </text>
      {group.consumers.length === 0 ? (
        <text x={group.x + 12} y={group.y + 64} className="fill-muted text-[11px]">
          No consumers yet
        </text>
      ) : null}
      {group.consumers.map((consumer) => (
        <ConsumerCard key={consumer.id} consumer={consumer} />
      ))}
    </g>
  );
}

function Lane({ lane, scale, groups }: { lane: PartitionLane; scale: number; groups: number }) {
  const y = lane.y + 8;
  const h = lane.h - 16;
  const start = laneX(lane, scale, lane.logStart);
  const hw = laneX(lane, scale, lane.hw);
  const leo = laneX(lane, scale, lane.leo);
  const lag = lane.committed[0] ? Math.max(0, lane.hw - lane.committed[0].offset) : null;
  return (
    <g data-testid="lane" data-tp={lane.tp} data-leo={lane.leo} data-hw={lane.hw}>
      <text x={lane.x} y={lane.y + lane.h / 2 + 4} className="fill-text font-mono text-[11px]">
        {lane.tp}
      </text>
      <rect x={lane.barX} y={y} width={lane.barW} height={h} rx={3} className="fill-surface-2" />
      {start > lane.barX ? <rect x={lane.barX} y={y} width={start - lane.barX} height={h} className="fill-muted/25" /> : null}
      {hw > start ? <rect x={start} y={y} width={hw - start} height={h} className="fill-accent/45" /> : null}
      {leo > hw ? <rect x={hw} y={y} width={leo - hw} height={h} className="fill-warn/50" /> : null}
      {lane.committed.map((marker) => {
        const x = laneX(lane, scale, marker.offset);
        const colour = GROUP_MARKER_CLASSES[marker.index % GROUP_MARKER_CLASSES.length];
        return (
          <g key={marker.group} className={colour}>
            <line x1={x} x2={x} y1={y - 3} y2={y + h + 3} strokeWidth={2} />
            <path d={`M ${x - 4} ${y - 6} L ${x + 4} ${y - 6} L ${x} ${y - 1} Z`} strokeWidth={0} />
          </g>
        );
      })}
      <text x={lane.barX + lane.barW + 12} y={lane.y + lane.h / 2 + 4} className="fill-muted text-[11px]">
        <tspan className="fill-text">LEO {formatCount(lane.leo)}</tspan>
        {` · HW ${formatCount(lane.hw)}`}
        {groups > 0 ? (lane.committed[0] ? ` · committed ${formatCount(lane.committed[0].offset)}` : " · nothing committed") : ""}
        {lag !== null && lag > 0 ? <tspan className="fill-warn">{` · lag ${formatCount(lag)}`}</tspan> : null}
      </text>
    </g>
  );
}

function ProducerBox({ producer, brokerX, arrowId }: { producer: NonNullable<DiagramLayout["producer"]>; brokerX: number | null; arrowId: string }) {
  const midY = producer.y + producer.h / 2;
  return (
    <g data-testid="producer">
      <line x1={producer.x + producer.w} y1={midY} x2={(brokerX ?? producer.x + producer.w + 40) - 6} y2={midY} className="stroke-border" strokeWidth={1.5} markerEnd={`url(#${arrowId})`} />
      <rect x={producer.x} y={producer.y} width={producer.w} height={producer.h} rx={12} className="fill-surface stroke-accent" strokeWidth={1.4} />
      <text x={producer.x + 12} y={producer.y + 22} className="fill-text font-mono text-[12px] font-semibold">
        {producer.title}
      </text>
      {producer.lines.map((line, index) => (
        <text key={index} x={producer.x + 12} y={producer.y + 42 + index * 16} className="fill-muted font-mono text-[11px]">
          {line}
        </text>
      ))}
    </g>
  );
}

function describe(layout: DiagramLayout): string {
  const brokers = layout.brokers.map((b) => `broker ${b.id} ${b.status}${b.leads.length ? `, leads ${b.leads.join(", ")}` : ""}`).join("; ");
  const consumers = layout.groups
    .flatMap((g) => g.consumers.map((c) => `${c.id} ${c.status === "idle" ? "is idle" : `reads ${c.partitions.join(", ") || "nothing"}`}`))
    .join("; ");
  return `${brokers}.${consumers ? ` ${consumers}.` : ""}`;
}

export const ClusterDiagram = memo(function ClusterDiagram({
  input,
  speed,
}: {
  input: DiagramInput;
  /** Playback speed: dots fly faster when time runs faster. */
  speed: number;
}) {
  const titleId = useId();
  const layout = useMemo(() => layoutDiagram(input), [input]);
  const flights = useRef<FlightLayerHandle>(null);
  const previous = useRef<{ cluster: ClusterState } | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = { cluster: input.cluster };
    if (!before || before.cluster === input.cluster) return;
    const next = flightsBetween(before.cluster, input.cluster, layout);
    flights.current?.launch(next, Math.max(350, Math.min(900, 700 / Math.sqrt(speed))));
  }, [input.cluster, layout, speed]);

  const groupCount = layout.groups.length;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="h-auto w-full select-none"
      role="img"
      aria-labelledby={titleId}
      data-testid="cluster-diagram"
    >
      <title id={titleId}>{`Cluster diagram: ${describe(layout)}`}</title>
      <defs>
        <marker id={`${titleId}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="fill-border" />
        </marker>
      </defs>
      {layout.captions.map((caption) => (
        <text key={caption.text} x={caption.x} y={caption.y} className="fill-muted text-[11px] font-medium tracking-wide uppercase">
          {caption.text}
        </text>
      ))}

      {layout.producer ? <ProducerBox producer={layout.producer} brokerX={layout.brokers[0]?.x ?? null} arrowId={`${titleId}-arrow`} /> : null}

      {layout.brokers.map((broker) => (
        <BrokerCard key={broker.id} broker={broker} roleOffset={layout.roleOffset} />
      ))}
      {layout.groups.map((group) => (
        <GroupBox key={group.id} group={group} />
      ))}
      {layout.lanes.map((lane) => (
        <Lane key={lane.tp} lane={lane} scale={layout.scale} groups={groupCount} />
      ))}
      <FlightLayer ref={flights} />
    </svg>
  );
});

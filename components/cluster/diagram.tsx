"use client";

// The cluster drawn as SVG: producer → brokers (each replica a chip: leader, in-sync follower,
// out-of-sync follower, offline) → consumer group (idle members marked), and under them one lane per
// partition with its log, high watermark and committed offsets. Geometry lives in layout.ts; the
// diagram measures its container so a phone gets the compact layout drawn at one unit per pixel.
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ClusterState } from "@/lib/cluster";
import { cn } from "@/components/ui/cn";
import { FlightLayer, type FlightLayerHandle } from "./flight-layer";
import { flightsBetween } from "./flights";
import { formatCount } from "./format";
import {
  laneX,
  layoutDiagram,
  type BrokerSlot,
  type ConsumerSlot,
  type DiagramInput,
  type DiagramLayout,
  type DiagramMode,
  type GroupSlot,
  type PartitionLane,
  type ReplicaSlot,
} from "./layout";

/** Colours of committed-offset markers, one per group (read on both themes). */
const GROUP_MARKER_CLASSES = ["fill-good stroke-good", "fill-[#7048e8] stroke-[#7048e8] dark:fill-[#b197fc] dark:stroke-[#b197fc]"];

/**
 * Type sizes and baselines per layout. The wide layout is scaled to fit its container; the compact
 * one is drawn at one unit per CSS pixel, so its sizes are the rendered sizes: nothing under 12 px.
 */
const LOOK = {
  wide: {
    caption: "text-[11px]",
    chipName: "text-[11px]",
    chipText: "text-[10.5px]",
    chipInset: 8,
    chipBaseline: 4,
    brokerTitle: "text-[13px]",
    brokerTitleY: 22,
    brokerDotY: 18,
    brokerStatus: "text-[11px]",
    brokerStatusY: 37,
    groupTitle: "text-[13px]",
    groupTitleY: 20,
    groupState: "text-[11px]",
    groupStateY: 35,
    emptyY: 64,
    consumerId: "text-[11.5px]",
    consumerText: "text-[10.5px]",
    consumerIdY: 17,
    consumerPartsY: 34,
    laneName: "text-[11px]",
    laneStats: "text-[11px]",
    producerTitle: "text-[12px]",
    producerTitleY: 22,
    producerLine: "text-[11px]",
    producerLineY: 42,
    producerLineH: 16,
  },
  compact: {
    caption: "text-[12px]",
    chipName: "text-[12px]",
    chipText: "text-[12px]",
    chipInset: 10,
    chipBaseline: 4.5,
    brokerTitle: "text-[14px]",
    brokerTitleY: 24,
    brokerDotY: 19.5,
    brokerStatus: "text-[12px]",
    brokerStatusY: 42,
    groupTitle: "text-[14px]",
    groupTitleY: 21,
    groupState: "text-[12px]",
    groupStateY: 39,
    emptyY: 70,
    consumerId: "text-[12.5px]",
    consumerText: "text-[12px]",
    consumerIdY: 19,
    consumerPartsY: 38,
    laneName: "text-[12.5px] font-medium",
    laneStats: "text-[12px]",
    producerTitle: "text-[13px]",
    producerTitleY: 21,
    producerLine: "text-[12px]",
    producerLineY: 40,
    producerLineH: 18,
  },
} satisfies Record<DiagramMode, Record<string, string | number>>;

type Look = (typeof LOOK)[DiagramMode];

const ROLE_LABEL: Record<ReplicaSlot["role"], string> = {
  leader: "leader",
  follower: "in ISR",
  "out-of-sync": "out of ISR",
  offline: "offline",
};

/** A replica chip's box and text colours by its role; a leader on a broker that is down has its own. */
const REPLICA_TONES: Record<ReplicaSlot["role"] | "leader-down", { shape: string; text: string }> = {
  "leader-down": { shape: "fill-bad-soft stroke-bad", text: "fill-bad" },
  leader: { shape: "fill-accent stroke-accent", text: "fill-accent-fg" },
  follower: { shape: "fill-accent-soft stroke-accent", text: "fill-accent-strong" },
  "out-of-sync": { shape: "fill-warn-soft stroke-warn", text: "fill-warn" },
  offline: { shape: "fill-surface-2 stroke-border", text: "fill-muted" },
};

function ReplicaChip({ slot, roleOffset, look }: { slot: ReplicaSlot; roleOffset: number; look: Look }) {
  const leaderDown = slot.role === "leader" && slot.brokerDown;
  const { shape, text } = REPLICA_TONES[leaderDown ? "leader-down" : slot.role];
  const dashed = slot.role === "out-of-sync" || slot.role === "offline";
  const baseline = slot.y + slot.h / 2 + look.chipBaseline;
  return (
    <g data-testid="replica" data-broker={slot.broker} data-tp={slot.tp} data-role={leaderDown ? "leader-down" : slot.role} data-leo={slot.leo}>
      <rect x={slot.x} y={slot.y} width={slot.w} height={slot.h} rx={6} className={shape} strokeWidth={1.2} strokeDasharray={dashed ? "4 3" : undefined} />
      <text x={slot.x + look.chipInset} y={baseline} className={cn("font-mono", look.chipName, text)}>
        {slot.tp}
      </text>
      <text x={slot.x + roleOffset} y={baseline} className={cn(look.chipText, text, slot.role === "leader" && "font-semibold")}>
        {leaderDown ? "leader, down" : ROLE_LABEL[slot.role]}
      </text>
      <text x={slot.x + slot.w - look.chipInset} y={baseline} textAnchor="end" className={cn("font-mono tabular-nums", look.chipText, text)}>
        {formatCount(slot.leo, true)}
      </text>
    </g>
  );
}

function BrokerCard({ broker, roleOffset, look }: { broker: BrokerSlot; roleOffset: number; look: Look }) {
  const down = broker.status !== "online";
  const status = broker.status === "online" ? (broker.controller ? "online · controller" : "online") : broker.fenced ? `${broker.status} · fenced` : `${broker.status} · not fenced yet`;
  return (
    <g data-testid="broker" data-broker={broker.id} data-status={broker.status}>
      <rect x={broker.x} y={broker.y} width={broker.w} height={broker.h} rx={12} className={down ? "fill-surface-2 stroke-bad" : "fill-surface stroke-border"} strokeWidth={1.2} strokeDasharray={down ? "6 4" : undefined} />
      <circle cx={broker.x + 16} cy={broker.y + look.brokerDotY} r={4.5} className={down ? "fill-bad" : "fill-good"} />
      <text x={broker.x + 28} y={broker.y + look.brokerTitleY} className={cn("fill-text font-semibold", look.brokerTitle)}>
        Broker {broker.id}
      </text>
      <text x={broker.x + 14} y={broker.y + look.brokerStatusY} className={cn(look.brokerStatus, down ? "fill-bad" : "fill-muted")}>
        {status}
      </text>
      {broker.replicas.map((slot) => (
        <ReplicaChip key={slot.key} slot={slot} roleOffset={roleOffset} look={look} />
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

/** A consumer card's box and status-text colours by its status. */
const CONSUMER_TONES: Record<ConsumerSlot["status"], { tone: string; statusText: string }> = {
  running: { tone: "fill-surface stroke-border", statusText: "fill-muted" },
  slow: { tone: "fill-warn-soft stroke-warn", statusText: "fill-warn" },
  crashed: { tone: "fill-bad-soft stroke-bad", statusText: "fill-bad" },
  idle: { tone: "fill-surface-2 stroke-muted", statusText: "fill-muted" },
};

function ConsumerCard({ consumer, look }: { consumer: ConsumerSlot; look: Look }) {
  const { tone, statusText } = CONSUMER_TONES[consumer.status];
  const partitions = consumer.partitions.map((tp) => tp.replace(/^.*-(\d+)$/, "P$1")).join(" ");
  return (
    <g data-testid="consumer" data-consumer={consumer.id} data-status={consumer.status}>
      <rect x={consumer.x} y={consumer.y} width={consumer.w} height={consumer.h} rx={8} className={tone} strokeWidth={1.2} strokeDasharray={consumer.status === "idle" ? "5 4" : undefined} />
      <text x={consumer.x + 10} y={consumer.y + look.consumerIdY} className={cn("fill-text font-mono font-medium", look.consumerId)}>
        {consumer.id}
      </text>
      <text x={consumer.x + consumer.w - 10} y={consumer.y + look.consumerIdY} textAnchor="end" className={cn(look.consumerText, statusText)}>
        {CONSUMER_STATUS[consumer.status]}
      </text>
      <text x={consumer.x + 10} y={consumer.y + look.consumerPartsY} className={cn("fill-muted font-mono", look.consumerText)}>
        {partitions || "—"}
      </text>
    </g>
  );
}

function GroupBox({ group, look }: { group: GroupSlot; look: Look }) {
  return (
    <g data-testid="group" data-group={group.id}>
      <rect x={group.x} y={group.y} width={group.w} height={group.h} rx={12} className="fill-surface stroke-border" strokeWidth={1.2} />
      <text x={group.x + 12} y={group.y + look.groupTitleY} className={cn("fill-text font-semibold", look.groupTitle)}>
        {group.id}
      </text>
      <text x={group.x + 12} y={group.y + look.groupStateY} className={cn("fill-muted", look.groupState)}>
        {group.state}
        {group.protocol ? ` · ${group.protocol}` : ""}
      </text>
      {group.consumers.length === 0 ? (
        <text x={group.x + 12} y={group.y + look.emptyY} className={cn("fill-muted", look.groupState)}>
          No consumers yet
        </text>
      ) : null}
      {group.consumers.map((consumer) => (
        <ConsumerCard key={consumer.id} consumer={consumer} look={look} />
      ))}
    </g>
  );
}

function Lane({ lane, scale, groups, mode }: { lane: PartitionLane; scale: number; groups: number; mode: DiagramMode }) {
  const look = LOOK[mode];
  const y = lane.barY;
  const h = lane.barH;
  const start = laneX(lane, scale, lane.logStart);
  const hw = laneX(lane, scale, lane.hw);
  const leo = laneX(lane, scale, lane.leo);
  const lag = lane.committed[0] ? Math.max(0, lane.hw - lane.committed[0].offset) : null;
  const lagText = lag !== null && lag > 0 ? `lag ${formatCount(lag)}` : null;
  return (
    <g data-testid="lane" data-tp={lane.tp} data-leo={lane.leo} data-hw={lane.hw}>
      <text x={lane.x} y={lane.labelY} className={cn("fill-text font-mono", look.laneName)}>
        {lane.tp}
      </text>
      {/* Compact: the lag on the name's line, where a long stats line has no room for it. */}
      {mode === "compact" && lagText ? (
        <text x={lane.x + lane.w} y={lane.labelY} textAnchor="end" className={cn("fill-warn font-medium", look.laneStats)}>
          {lagText}
        </text>
      ) : null}
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
      <text x={lane.statsX} y={lane.statsY} className={cn("fill-muted", look.laneStats)}>
        <tspan className="fill-text">LEO {formatCount(lane.leo)}</tspan>
        {` · HW ${formatCount(lane.hw)}`}
        {groups > 0 ? (lane.committed[0] ? ` · committed ${formatCount(lane.committed[0].offset)}` : " · nothing committed") : ""}
        {mode === "wide" && lagText ? <tspan className="fill-warn">{` · ${lagText}`}</tspan> : null}
      </text>
    </g>
  );
}

function ProducerBox({ producer, arrowId, look }: { producer: NonNullable<DiagramLayout["producer"]>; arrowId: string; look: Look }) {
  const { arrow } = producer;
  return (
    <g data-testid="producer">
      {arrow ? <line x1={arrow.from.x} y1={arrow.from.y} x2={arrow.to.x} y2={arrow.to.y} className="stroke-border" strokeWidth={1.5} markerEnd={`url(#${arrowId})`} /> : null}
      <rect x={producer.x} y={producer.y} width={producer.w} height={producer.h} rx={12} className="fill-surface stroke-accent" strokeWidth={1.4} />
      <text x={producer.x + 12} y={producer.y + look.producerTitleY} className={cn("fill-text font-mono font-semibold", look.producerTitle)}>
        {producer.title}
      </text>
      {producer.lines.map((line, index) => (
        <text key={index} x={producer.x + 12} y={producer.y + look.producerLineY + index * look.producerLineH} className={cn("fill-muted font-mono", look.producerLine)}>
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
  const [available, observe] = useContainerWidth();
  const layout = useMemo(() => layoutDiagram(input, available ?? undefined), [input, available]);
  const look = LOOK[layout.mode];
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
    <div ref={observe} className="min-w-0">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="h-auto w-full select-none"
        role="img"
        aria-labelledby={titleId}
        data-testid="cluster-diagram"
        data-layout={layout.mode}
      >
        <title id={titleId}>{`Cluster diagram: ${describe(layout)}`}</title>
        <defs>
          <marker id={`${titleId}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" className="fill-border" />
          </marker>
        </defs>
        {layout.captions.map((caption) => (
          <text key={caption.text} x={caption.x} y={caption.y} className={cn("fill-muted font-medium tracking-wide uppercase", look.caption)}>
            {caption.text}
          </text>
        ))}

        {layout.producer ? <ProducerBox producer={layout.producer} arrowId={`${titleId}-arrow`} look={look} /> : null}

        {layout.brokers.map((broker) => (
          <BrokerCard key={broker.id} broker={broker} roleOffset={layout.roleOffset} look={look} />
        ))}
        {layout.groups.map((group) => (
          <GroupBox key={group.id} group={group} look={look} />
        ))}
        {layout.lanes.map((lane) => (
          <Lane key={lane.tp} lane={lane} scale={layout.scale} groups={groupCount} mode={layout.mode} />
        ))}
        <FlightLayer ref={flights} />
      </svg>
    </div>
  );
});

/**
 * The width of the diagram's box in whole CSS pixels, kept current as it resizes (rotation, a
 * window drag). Null until measured: the server and the first paint draw the wide layout.
 */
function useContainerWidth(): [width: number | null, observe: (element: HTMLDivElement | null) => void] {
  const [width, setWidth] = useState<number | null>(null);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [width, setElement];
}

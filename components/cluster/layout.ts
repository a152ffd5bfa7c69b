// Where everything goes in the cluster diagram: pure geometry from a cluster state, no React, no DOM.
// Columns from left to right: the producer, one card per broker (a row per partition replica it
// hosts), the consumer group. Under them, one lane per partition: its log from the log start offset
// to the log end offset, the high watermark and each group's committed offset.
import type { BrokerStatus, ClusterState, PartitionState } from "@/lib/cluster";

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ReplicaRole = "leader" | "follower" | "out-of-sync" | "offline";

export interface ReplicaSlot extends Box {
  key: string;
  broker: number;
  topic: string;
  partition: number;
  /** "topic-N". */
  tp: string;
  role: ReplicaRole;
  /** The replica's own log end offset. */
  leo: number;
  /** The broker hosting it is stopped or crashed (a crashed leader stays leader until it is fenced). */
  brokerDown: boolean;
}

export interface BrokerSlot extends Box {
  id: number;
  status: BrokerStatus;
  fenced: boolean;
  controller: boolean;
  /** Partitions it leads, "topic-N". */
  leads: string[];
  replicas: ReplicaSlot[];
}

export type ConsumerDrawStatus = "running" | "slow" | "crashed" | "idle";

export interface ConsumerInput {
  id: string;
  group: string;
  status: ConsumerDrawStatus;
  partitions: string[];
}

export interface ConsumerSlot extends Box, ConsumerInput {}

export interface GroupSlot extends Box {
  id: string;
  state: string;
  protocol: string | null;
  consumers: ConsumerSlot[];
}

export interface LaneMarker {
  group: string;
  offset: number;
  /** 0-based index of the group, for its colour. */
  index: number;
}

export interface PartitionLane extends Box {
  tp: string;
  topic: string;
  partition: number;
  leader: number;
  logStart: number;
  hw: number;
  leo: number;
  committed: LaneMarker[];
  /** Where offsets 0 and `scale` fall on the lane's bar. */
  barX: number;
  barW: number;
}

export interface DiagramInput {
  cluster: ClusterState;
  /** Topics to draw, the lab's own topic first; topics missing from the cluster are skipped. */
  topics: string[];
  producer: { id: string; title: string; lines: string[] } | null;
  consumers: ConsumerInput[];
  /** Groups to draw, the lab's own group first. */
  groups: string[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  producer: (Box & { id: string; title: string; lines: string[] }) | null;
  brokers: BrokerSlot[];
  /** `${broker}:${tp}` → slot. */
  replicas: Record<string, ReplicaSlot>;
  groups: GroupSlot[];
  lanes: PartitionLane[];
  /** The offset the right end of every lane's bar stands for (shared, so lanes compare). */
  scale: number;
  /** Where the column captions and the lanes caption sit. */
  captions: { text: string; x: number; y: number }[];
  /** Inside a replica chip: where the role word starts (after the longest partition name). */
  roleOffset: number;
}

const GEOMETRY = {
  pad: 16,
  captionH: 24,
  producerW: 150,
  producerH: 92,
  columnGap: 56,
  /** Minimum; widened to fit the longest partition name. */
  brokerW: 176,
  /** Width of one monospace character at the chips' 11px, and room for the role and the LEO. */
  monoCharW: 6.7,
  chipRoleW: 84,
  chipLeoW: 42,
  brokerGap: 14,
  brokerHeader: 46,
  rowH: 26,
  rowGap: 4,
  groupW: 210,
  groupHeader: 44,
  consumerH: 44,
  consumerGap: 6,
  laneH: 30,
  laneLabelW: 86,
  laneStatsW: 330,
  sectionGap: 30,
} as const;

export function replicaKey(broker: number, tp: string): string {
  return `${broker}:${tp}`;
}

function leaderLeo(partition: PartitionState): number {
  if (partition.leader >= 0) return partition.logs[String(partition.leader)]?.leo ?? 0;
  return Math.max(0, ...Object.values(partition.logs).map((log) => log.leo));
}

function partitionHw(partition: PartitionState): number {
  if (partition.leader >= 0) return partition.logs[String(partition.leader)]?.hw ?? 0;
  return Math.max(0, ...Object.values(partition.logs).map((log) => log.hw));
}

function replicaRole(partition: PartitionState, broker: number, brokerDown: boolean): ReplicaRole {
  if (partition.leader === broker) return "leader";
  if (brokerDown || partition.leader < 0) return "offline";
  return partition.isr.includes(broker) ? "follower" : "out-of-sync";
}

/** A round number at least `value`, so the lanes' scale does not jump on every record. */
export function niceCeiling(value: number): number {
  if (value <= 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const g = GEOMETRY;
  const { cluster } = input;
  const topics = input.topics.filter((name, index) => cluster.topics[name] && input.topics.indexOf(name) === index);
  const partitions = topics.flatMap((name) => cluster.topics[name]!.partitions.map((partition) => ({ topic: name, partition })));
  const brokerIds = Object.values(cluster.brokers)
    .map((broker) => broker.id)
    .sort((a, b) => a - b);

  const top = g.pad + g.captionH;
  const producerX = g.pad;
  const brokersX = producerX + g.producerW + g.columnGap;
  const longestName = Math.max(8, ...partitions.map(({ topic, partition }) => `${topic}-${partition.index}`.length));
  const roleOffset = Math.ceil(8 + longestName * g.monoCharW + 8);
  const brokerW = Math.max(g.brokerW, roleOffset + g.chipRoleW + g.chipLeoW + 20);
  const brokersW = brokerIds.length * brokerW + Math.max(0, brokerIds.length - 1) * g.brokerGap;
  const groupX = brokersX + brokersW + g.columnGap;
  const width = groupX + g.groupW + g.pad;

  // Brokers: one row per replica the broker hosts; all cards as tall as the fullest one.
  const replicas: Record<string, ReplicaSlot> = {};
  const hosted = brokerIds.map((id) => partitions.filter(({ partition }) => partition.replicas.includes(id)));
  const maxRows = Math.max(1, ...hosted.map((rows) => rows.length));
  const brokerH = g.brokerHeader + maxRows * (g.rowH + g.rowGap) + 8;
  const brokers: BrokerSlot[] = brokerIds.map((id, column) => {
    const broker = cluster.brokers[String(id)]!;
    const down = broker.status !== "online";
    const x = brokersX + column * (brokerW + g.brokerGap);
    const slots = hosted[column]!.map(({ topic, partition }, row): ReplicaSlot => {
      const tp = `${topic}-${partition.index}`;
      const slot: ReplicaSlot = {
        key: replicaKey(id, tp),
        broker: id,
        topic,
        partition: partition.index,
        tp,
        role: replicaRole(partition, id, down),
        leo: partition.logs[String(id)]?.leo ?? 0,
        brokerDown: down,
        x: x + 10,
        y: top + g.brokerHeader + row * (g.rowH + g.rowGap),
        w: brokerW - 20,
        h: g.rowH,
      };
      replicas[slot.key] = slot;
      return slot;
    });
    return {
      id,
      status: broker.status,
      fenced: broker.fenced,
      controller: cluster.controller === id && broker.status === "online",
      leads: slots.filter((slot) => slot.role === "leader").map((slot) => slot.tp),
      replicas: slots,
      x,
      y: top,
      w: brokerW,
      h: brokerH,
    };
  });

  // Consumer groups, stacked in the right column.
  let groupY = top;
  const groups: GroupSlot[] = input.groups
    .filter((id, index) => input.groups.indexOf(id) === index)
    .map((id) => {
      const group = cluster.groups[id];
      const members = input.consumers.filter((consumer) => consumer.group === id);
      const h = g.groupHeader + Math.max(1, members.length) * (g.consumerH + g.consumerGap) + 4;
      const slot: GroupSlot = {
        id,
        state: group?.state ?? "Empty",
        protocol: group?.protocol ?? null,
        x: groupX,
        y: groupY,
        w: g.groupW,
        h,
        consumers: members.map((consumer, index) => ({
          ...consumer,
          x: groupX + 8,
          y: groupY + g.groupHeader + index * (g.consumerH + g.consumerGap),
          w: g.groupW - 16,
          h: g.consumerH,
        })),
      };
      groupY += h + 12;
      return slot;
    });

  const columnsBottom = Math.max(top + brokerH, groupY - 12, top + g.producerH);
  const producer = input.producer
    ? {
        ...input.producer,
        x: producerX,
        y: top + Math.max(0, Math.min(brokerH, columnsBottom - top) / 2 - g.producerH / 2),
        w: g.producerW,
        h: g.producerH,
      }
    : null;

  // Partition lanes: offsets on one shared scale.
  const lanesTop = columnsBottom + g.sectionGap + g.captionH;
  const stats = partitions.map(({ partition }) => ({ leo: leaderLeo(partition), hw: partitionHw(partition) }));
  const scale = niceCeiling(Math.max(0, ...stats.map((s) => s.leo)));
  const barX = g.pad + g.laneLabelW;
  const barW = Math.max(120, width - g.pad - g.laneStatsW - barX);
  const lanes: PartitionLane[] = partitions.map(({ topic, partition }, index) => {
    const tp = `${topic}-${partition.index}`;
    return {
      tp,
      topic,
      partition: partition.index,
      leader: partition.leader,
      logStart: partition.logStartOffset,
      hw: stats[index]!.hw,
      leo: stats[index]!.leo,
      committed: groups.flatMap((group, groupIndex) => {
        const committed = cluster.groups[group.id]?.committed[tp];
        return committed ? [{ group: group.id, offset: committed.offset, index: groupIndex }] : [];
      }),
      x: g.pad,
      y: lanesTop + index * g.laneH,
      w: width - 2 * g.pad,
      h: g.laneH,
      barX,
      barW,
    };
  });
  const height = (lanes.length > 0 ? lanesTop + lanes.length * g.laneH : columnsBottom) + g.pad;

  const captions = [
    { text: "Producer", x: producerX, y: g.pad + 12 },
    { text: "Brokers", x: brokersX, y: g.pad + 12 },
    { text: groups.length > 1 ? "Consumer groups" : "Consumer group", x: groupX, y: g.pad + 12 },
  ];
  if (lanes.length > 0) captions.push({ text: "Partitions: log, high watermark, committed offsets", x: g.pad, y: lanesTop - 12 });

  return { width, height, producer, brokers, replicas, groups, lanes, scale, captions, roleOffset };
}

/** Where offset `offset` falls on a lane's bar. */
export function laneX(lane: Pick<PartitionLane, "barX" | "barW">, scale: number, offset: number): number {
  const clamped = Math.max(0, Math.min(scale, offset));
  return lane.barX + (scale > 0 ? (clamped / scale) * lane.barW : 0);
}

/** The anchor points records fly between. */
export function producerAnchor(layout: DiagramLayout): { x: number; y: number } | null {
  const p = layout.producer;
  return p ? { x: p.x + p.w, y: p.y + p.h / 2 } : null;
}

export function replicaAnchor(slot: ReplicaSlot, side: "left" | "right" | "center"): { x: number; y: number } {
  const x = side === "left" ? slot.x : side === "right" ? slot.x + slot.w : slot.x + slot.w / 2;
  return { x, y: slot.y + slot.h / 2 };
}

export function consumerAnchor(slot: ConsumerSlot): { x: number; y: number } {
  return { x: slot.x, y: slot.y + slot.h / 2 };
}

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

export interface Point {
  x: number;
  y: number;
}

export interface ConsumerSlot extends Box, ConsumerInput {
  /** Where consumed records arrive. */
  anchor: Point;
}

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
  /** The bar's band, and the baselines of the partition name and of the stats. */
  barY: number;
  barH: number;
  labelY: number;
  statsX: number;
  statsY: number;
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

export type DiagramMode = "wide" | "compact";

export interface DiagramLayout {
  /** Columns side by side, scaled to fit; or stacked at the container's width (phones). */
  mode: DiagramMode;
  width: number;
  height: number;
  producer: (Box & { id: string; title: string; lines: string[]; anchor: Point; arrow: { from: Point; to: Point } | null }) | null;
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

/** Below this share of its natural width the wide layout's 10.5–13 px labels would shrink past reading. */
const WIDE_MIN_SCALE = 0.75;
/** Narrower than this, the compact layout scales down (no phone is this narrow once the page's padding is off). */
const COMPACT_MIN_WIDTH = 240;

const COMPACT = {
  captionH: 22,
  producerTop: 30,
  producerLineH: 18,
  arrowX: 20,
  blockGap: 10,
  brokerGap: 10,
  brokerHeader: 52,
  rowH: 28,
  rowGap: 4,
  /** One monospace character at 12px, and room for the role ("leader, down") and the LEO at 12px. */
  monoCharW: 7.3,
  chipRoleW: 88,
  chipLeoW: 46,
  groupHeader: 50,
  consumerH: 50,
  consumerGap: 6,
  consumerMinW: 220,
  laneH: 66,
} as const;

/**
 * The diagram's geometry. With `available` (the container's width in CSS pixels) it picks the
 * layout that keeps labels readable: the wide columns when they fit at ≥ 75 % of their natural
 * size, else the compact stack drawn at exactly that width.
 */
export function layoutDiagram(input: DiagramInput, available?: number): DiagramLayout {
  const wide = layoutWide(input);
  if (available === undefined || available >= wide.width * WIDE_MIN_SCALE) return wide;
  return layoutCompact(input, Math.max(COMPACT_MIN_WIDTH, Math.floor(available)));
}

interface DrawnPartition {
  topic: string;
  partition: PartitionState;
}

function drawnPartitions(input: DiagramInput): DrawnPartition[] {
  const { cluster } = input;
  const topics = input.topics.filter((name, index) => cluster.topics[name] && input.topics.indexOf(name) === index);
  return topics.flatMap((name) => cluster.topics[name]!.partitions.map((partition) => ({ topic: name, partition })));
}

function sortedBrokerIds(cluster: ClusterState): number[] {
  return Object.values(cluster.brokers)
    .map((broker) => broker.id)
    .sort((a, b) => a - b);
}

function replicaSlots(
  cluster: ClusterState,
  id: number,
  hosted: DrawnPartition[],
  place: (row: number) => Box,
  replicas: Record<string, ReplicaSlot>,
): ReplicaSlot[] {
  const down = cluster.brokers[String(id)]!.status !== "online";
  return hosted.map(({ topic, partition }, row): ReplicaSlot => {
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
      ...place(row),
    };
    replicas[slot.key] = slot;
    return slot;
  });
}

function brokerSlot(cluster: ClusterState, id: number, slots: ReplicaSlot[], box: Box): BrokerSlot {
  const broker = cluster.brokers[String(id)]!;
  return {
    id,
    status: broker.status,
    fenced: broker.fenced,
    controller: cluster.controller === id && broker.status === "online",
    leads: slots.filter((slot) => slot.role === "leader").map((slot) => slot.tp),
    replicas: slots,
    ...box,
  };
}

function laneStats(partitions: DrawnPartition[]) {
  const stats = partitions.map(({ partition }) => ({ leo: leaderLeo(partition), hw: partitionHw(partition) }));
  return { stats, scale: niceCeiling(Math.max(0, ...stats.map((s) => s.leo))) };
}

function committedMarkers(cluster: ClusterState, groups: GroupSlot[], tp: string): LaneMarker[] {
  return groups.flatMap((group, groupIndex) => {
    const committed = cluster.groups[group.id]?.committed[tp];
    return committed ? [{ group: group.id, offset: committed.offset, index: groupIndex }] : [];
  });
}

/** What a partition's lane shows, the same in both layouts; only its geometry differs. */
function laneData(cluster: ClusterState, groups: GroupSlot[], topic: string, partition: PartitionState, stats: { hw: number; leo: number }) {
  const tp = `${topic}-${partition.index}`;
  return {
    tp,
    topic,
    partition: partition.index,
    leader: partition.leader,
    logStart: partition.logStartOffset,
    hw: stats.hw,
    leo: stats.leo,
    committed: committedMarkers(cluster, groups, tp),
  };
}

function uniqueGroups(input: DiagramInput): string[] {
  return input.groups.filter((id, index) => input.groups.indexOf(id) === index);
}

function layoutWide(input: DiagramInput): DiagramLayout {
  const g = GEOMETRY;
  const { cluster } = input;
  const partitions = drawnPartitions(input);
  const brokerIds = sortedBrokerIds(cluster);

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
    const x = brokersX + column * (brokerW + g.brokerGap);
    const slots = replicaSlots(cluster, id, hosted[column]!, (row) => ({ x: x + 10, y: top + g.brokerHeader + row * (g.rowH + g.rowGap), w: brokerW - 20, h: g.rowH }), replicas);
    return brokerSlot(cluster, id, slots, { x, y: top, w: brokerW, h: brokerH });
  });

  // Consumer groups, stacked in the right column.
  let groupY = top;
  const groups: GroupSlot[] = uniqueGroups(input).map((id) => {
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
      consumers: members.map((consumer, index) => {
        const y = groupY + g.groupHeader + index * (g.consumerH + g.consumerGap);
        return { ...consumer, x: groupX + 8, y, w: g.groupW - 16, h: g.consumerH, anchor: { x: groupX + 8, y: y + g.consumerH / 2 } };
      }),
    };
    groupY += h + 12;
    return slot;
  });

  const columnsBottom = Math.max(top + brokerH, groupY - 12, top + g.producerH);
  const producerY = top + Math.max(0, Math.min(brokerH, columnsBottom - top) / 2 - g.producerH / 2);
  const producerMid = producerY + g.producerH / 2;
  const producer = input.producer
    ? {
        ...input.producer,
        x: producerX,
        y: producerY,
        w: g.producerW,
        h: g.producerH,
        anchor: { x: producerX + g.producerW, y: producerMid },
        arrow: { from: { x: producerX + g.producerW, y: producerMid }, to: { x: (brokers[0]?.x ?? producerX + g.producerW + 40) - 6, y: producerMid } },
      }
    : null;

  // Partition lanes: offsets on one shared scale.
  const lanesTop = columnsBottom + g.sectionGap + g.captionH;
  const { stats, scale } = laneStats(partitions);
  const barX = g.pad + g.laneLabelW;
  const barW = Math.max(120, width - g.pad - g.laneStatsW - barX);
  const lanes: PartitionLane[] = partitions.map(({ topic, partition }, index) => {
    const y = lanesTop + index * g.laneH;
    const textY = y + g.laneH / 2 + 4;
    return {
      ...laneData(cluster, groups, topic, partition, stats[index]!),
      x: g.pad,
      y,
      w: width - 2 * g.pad,
      h: g.laneH,
      barX,
      barW,
      barY: y + 8,
      barH: g.laneH - 16,
      labelY: textY,
      statsX: barX + barW + 12,
      statsY: textY,
    };
  });
  const height = (lanes.length > 0 ? lanesTop + lanes.length * g.laneH : columnsBottom) + g.pad;

  const captions = [
    { text: "Producer", x: producerX, y: g.pad + 12 },
    { text: "Brokers", x: brokersX, y: g.pad + 12 },
    { text: groups.length > 1 ? "Consumer groups" : "Consumer group", x: groupX, y: g.pad + 12 },
  ];
  if (lanes.length > 0) captions.push({ text: "Partitions: log, high watermark, committed offsets", x: g.pad, y: lanesTop - 12 });

  return { mode: "wide", width, height, producer, brokers, replicas, groups, lanes, scale, captions, roleOffset };
}

/**
 * The phone layout: one column at `width` CSS pixels. Brokers and consumers fill as many columns as
 * fit at their minimum width (one on a phone, more on a small tablet); each lane puts its name and
 * lag on one line, the bar under it at full width, and its offsets under the bar.
 */
function layoutCompact(input: DiagramInput, width: number): DiagramLayout {
  const c = COMPACT;
  const pad = 2;
  const inner = width - 2 * pad;
  const { cluster } = input;
  const partitions = drawnPartitions(input);
  const brokerIds = sortedBrokerIds(cluster);
  const captions: DiagramLayout["captions"] = [];
  const caption = (text: string, y: number, x = pad) => captions.push({ text, x, y: y + 14 });
  let y = pad;

  // Producer, full width, with an arrow down to the brokers.
  let producer: DiagramLayout["producer"] = null;
  if (input.producer) {
    caption("Producer", y);
    y += c.captionH;
    const h = c.producerTop + Math.max(1, input.producer.lines.length) * c.producerLineH + 4;
    // Capped: on a tablet a full-width box of three short lines would be mostly empty.
    producer = { ...input.producer, x: pad, y, w: Math.min(inner, 360), h, anchor: { x: pad + c.arrowX, y: y + h }, arrow: null };
    y += h + c.blockGap;
  }

  // Brokers in a grid of as many columns as fit.
  const longestName = Math.max(8, ...partitions.map(({ topic, partition }) => `${topic}-${partition.index}`.length));
  const roleOffset = Math.ceil(10 + longestName * c.monoCharW + 10);
  const brokerMinW = roleOffset + c.chipRoleW + c.chipLeoW + 20;
  const brokerCols = Math.max(1, Math.min(brokerIds.length, Math.floor((inner + c.brokerGap) / (brokerMinW + c.brokerGap))));
  const brokerW = Math.floor((inner - (brokerCols - 1) * c.brokerGap) / brokerCols);
  const hosted = brokerIds.map((id) => partitions.filter(({ partition }) => partition.replicas.includes(id)));
  const maxRows = Math.max(1, ...hosted.map((rows) => rows.length));
  const brokerH = c.brokerHeader + maxRows * (c.rowH + c.rowGap) + 6;
  caption("Brokers", y, pad + c.arrowX + 14);
  y += c.captionH;
  const brokersTop = y;
  const replicas: Record<string, ReplicaSlot> = {};
  const brokers: BrokerSlot[] = brokerIds.map((id, index) => {
    const x = pad + (index % brokerCols) * (brokerW + c.brokerGap);
    const top = brokersTop + Math.floor(index / brokerCols) * (brokerH + c.brokerGap);
    const slots = replicaSlots(cluster, id, hosted[index]!, (row) => ({ x: x + 10, y: top + c.brokerHeader + row * (c.rowH + c.rowGap), w: brokerW - 20, h: c.rowH }), replicas);
    return brokerSlot(cluster, id, slots, { x, y: top, w: brokerW, h: brokerH });
  });
  const brokerRows = Math.ceil(brokerIds.length / brokerCols);
  if (producer) producer.arrow = { from: { x: pad + c.arrowX, y: producer.y + producer.h }, to: { x: pad + c.arrowX, y: brokersTop - 3 } };
  y = brokersTop + brokerRows * brokerH + Math.max(0, brokerRows - 1) * c.brokerGap + c.blockGap;

  // Consumer groups, full width, their members in a grid.
  const groupIds = uniqueGroups(input);
  if (groupIds.length > 0) {
    caption(groupIds.length > 1 ? "Consumer groups" : "Consumer group", y);
    y += c.captionH;
  }
  const consumerInner = inner - 16;
  const groups: GroupSlot[] = groupIds.map((id) => {
    const group = cluster.groups[id];
    const members = input.consumers.filter((consumer) => consumer.group === id);
    const cols = Math.max(1, Math.min(members.length, Math.floor((consumerInner + c.consumerGap) / (c.consumerMinW + c.consumerGap))));
    const consumerW = Math.floor((consumerInner - (cols - 1) * c.consumerGap) / cols);
    const rows = Math.max(1, Math.ceil(members.length / cols));
    const h = c.groupHeader + rows * (c.consumerH + c.consumerGap) + 4;
    const groupTop = y;
    const slot: GroupSlot = {
      id,
      state: group?.state ?? "Empty",
      protocol: group?.protocol ?? null,
      x: pad,
      y: groupTop,
      w: inner,
      h,
      consumers: members.map((consumer, index) => {
        const x = pad + 8 + (index % cols) * (consumerW + c.consumerGap);
        const top = groupTop + c.groupHeader + Math.floor(index / cols) * (c.consumerH + c.consumerGap);
        return { ...consumer, x, y: top, w: consumerW, h: c.consumerH, anchor: { x: x + consumerW / 2, y: top } };
      }),
    };
    y += h + c.blockGap;
    return slot;
  });

  // Lanes: name and lag, the bar at full width, then the offsets.
  const { stats, scale } = laneStats(partitions);
  if (partitions.length > 0) {
    caption("Partition logs", y);
    y += c.captionH;
  }
  const lanesTop = y;
  const lanes: PartitionLane[] = partitions.map(({ topic, partition }, index) => {
    const top = lanesTop + index * c.laneH;
    return {
      ...laneData(cluster, groups, topic, partition, stats[index]!),
      x: pad,
      y: top,
      w: inner,
      h: c.laneH,
      barX: pad,
      barW: inner,
      barY: top + 22,
      barH: 14,
      labelY: top + 14,
      statsX: pad,
      statsY: top + 54,
    };
  });
  const height = Math.ceil((partitions.length > 0 ? lanesTop + partitions.length * c.laneH : y) + pad);

  return { mode: "compact", width, height, producer, brokers, replicas, groups, lanes, scale, captions, roleOffset };
}

/** Where offset `offset` falls on a lane's bar. */
export function laneX(lane: Pick<PartitionLane, "barX" | "barW">, scale: number, offset: number): number {
  const clamped = Math.max(0, Math.min(scale, offset));
  return lane.barX + (scale > 0 ? (clamped / scale) * lane.barW : 0);
}

/** The anchor points records fly between. */
export function producerAnchor(layout: DiagramLayout): Point | null {
  return layout.producer?.anchor ?? null;
}

export function replicaAnchor(slot: ReplicaSlot, side: "left" | "right" | "center"): { x: number; y: number } {
  const x = side === "left" ? slot.x : side === "right" ? slot.x + slot.w : slot.x + slot.w / 2;
  return { x, y: slot.y + slot.h / 2 };
}

export function consumerAnchor(slot: ConsumerSlot): Point {
  return slot.anchor;
}

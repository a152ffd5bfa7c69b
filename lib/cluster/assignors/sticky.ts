// The sticky assignment shared by StickyAssignor and CooperativeStickyAssignor: a port of Kafka's
// AbstractStickyAssignor (rules.md §2, (Cooperative)StickyAssignor) without the rack-aware branches
// (the simulator has no racks, and Kafka only uses them when both consumer and replica racks are set).
// Two builders, as in Kafka: a constrained one when every member subscribes to the same topics, and
// a general one with the balance loop otherwise. Where Kafka iterates a HashMap or HashSet we iterate
// in the same order (hash/java-collections.ts), so ties break the way Kafka breaks them.
import {
  compareJavaStrings,
  javaHashMapCapacity,
  javaHashOrder,
  javaStringHash,
  javaTopicPartitionHash,
} from "../hash/java-collections";
import { formatTopicPartition, parseTopicPartition, type AssignorMember } from "./types";

const DEFAULT_GENERATION = -1;

/** One interned object per partition, so identity comparisons and Set membership behave like equals(). */
interface TP {
  readonly topic: string;
  readonly partition: number;
  readonly name: string;
  readonly hash: number;
}

class PartitionTable {
  private readonly byName = new Map<string, TP>();

  get(topic: string, partition: number): TP {
    const name = formatTopicPartition(topic, partition);
    let tp = this.byName.get(name);
    if (!tp) {
      tp = { topic, partition, name, hash: javaTopicPartitionHash(topic, partition) };
      this.byName.set(name, tp);
    }
    return tp;
  }
}

export interface StickyResult {
  /** memberId → partitions, in Kafka's list order. */
  assignment: Map<string, TP[]>;
  /**
   * Partitions moving from one owner to another in this rebalance (partition → new owner), or null
   * when the general builder ran and the cooperative assignor must compute them itself.
   */
  partitionsTransferringOwnership: Map<TP, string> | null;
  /** The owned partitions each member was considered to hold (after generation checks). */
  ownedBy: Map<string, TP[]>;
  table: PartitionTable;
}

interface Subscription {
  memberId: string;
  topics: string[];
  owned: TP[];
  generation: number | undefined;
}

/**
 * AbstractStickyAssignor#assignPartitions. `partitionCounts` holds only subscribed, existing topics
 * (AbstractPartitionAssignor builds it that way from the metadata).
 */
export function stickyAssign(members: readonly AssignorMember[], partitionCounts: ReadonlyMap<string, number>): StickyResult {
  const table = new PartitionTable();
  // Tests and brokers hand the assignor a HashMap of subscriptions: iterate it in HashMap order.
  const subscriptions = javaHashOrder(members, (member) => javaStringHash(member.memberId)).map(
    (member): Subscription => ({
      memberId: member.memberId,
      topics: member.topics,
      owned: (member.owned ?? []).flatMap((name) => {
        const ref = parseTopicPartition(name);
        return ref ? [table.get(ref.topic, ref.partition)] : [];
      }),
      generation: member.generation,
    }),
  );
  const byId = new Map(subscriptions.map((subscription) => [subscription.memberId, subscription]));

  const ownership = collectOwnedPartitions(subscriptions, byId, partitionCounts);
  if (ownership.allSubscriptionsEqual) {
    const builder = new ConstrainedAssignmentBuilder(
      partitionCounts,
      table,
      ownership.consumerToOwned,
      ownership.partitionsWithMultiplePreviousOwners,
    );
    const assignment = builder.build();
    return {
      assignment,
      partitionsTransferringOwnership: builder.partitionsTransferringOwnership,
      ownedBy: ownership.consumerToOwned,
      table,
    };
  }
  const builder = new GeneralAssignmentBuilder(
    partitionCounts,
    table,
    cloneAssignment(ownership.consumerToOwned),
    subscriptions,
    ownership.maxGeneration,
  );
  return { assignment: builder.build(), partitionsTransferringOwnership: null, ownedBy: ownership.consumerToOwned, table };
}

/**
 * allSubscriptionsEqual: whether every member subscribes to the same topics, and which owned partitions
 * count. A partition claimed by two members of the same generation is invalidated for both; between
 * different generations the higher generation keeps it (rules.md §2, sticky 3).
 */
function collectOwnedPartitions(
  subscriptions: readonly Subscription[],
  byId: ReadonlyMap<string, Subscription>,
  partitionCounts: ReadonlyMap<string, number>,
) {
  let allSubscriptionsEqual = true;
  let subscribedTopics: Set<string> | null = null;
  let maxGeneration = DEFAULT_GENERATION;
  const consumerToOwned = new Map<string, TP[]>();
  const partitionsWithMultiplePreviousOwners = new Set<TP>();
  const previousOwner = new Map<TP, string>();

  for (const subscription of subscriptions) {
    const topics = new Set(subscription.topics);
    if (subscribedTopics === null || subscribedTopics.size === 0) {
      subscribedTopics = topics;
    } else if (allSubscriptionsEqual && !(topics.size === subscribedTopics.size && [...topics].every((t) => subscribedTopics!.has(t)))) {
      allSubscriptionsEqual = false;
    }

    const generation = subscription.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, generation);
    const owned: TP[] = [];
    consumerToOwned.set(subscription.memberId, owned);

    for (const tp of subscription.owned) {
      // Claims on topics that no longer exist (or partitions beyond the topic's count) are ignored.
      const count = partitionCounts.get(tp.topic);
      if (count === undefined || tp.partition >= count) continue;
      const other = previousOwner.get(tp);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(tp, subscription.memberId);
        continue;
      }
      const otherGeneration = byId.get(other)?.generation ?? DEFAULT_GENERATION;
      if (generation === otherGeneration) {
        partitionsWithMultiplePreviousOwners.add(tp);
        removeFirst(consumerToOwned.get(other)!, tp);
        previousOwner.set(tp, subscription.memberId);
      } else if (generation > otherGeneration) {
        owned.push(tp);
        removeFirst(consumerToOwned.get(other)!, tp);
        previousOwner.set(tp, subscription.memberId);
      }
      // else: the other member's newer claim stands.
    }
  }
  return { allSubscriptionsEqual, consumerToOwned, partitionsWithMultiplePreviousOwners, maxGeneration };
}

function removeFirst<T>(list: T[], item: T): boolean {
  const index = list.indexOf(item);
  if (index < 0) return false;
  list.splice(index, 1);
  return true;
}

function cloneAssignment(assignment: ReadonlyMap<string, TP[]>): Map<string, TP[]> {
  return new Map([...assignment].map(([member, partitions]) => [member, [...partitions]]));
}

/** A java.util.Iterator over a live array, with Iterator#remove semantics. */
class ListIterator<T> {
  private cursor = 0;
  private lastReturned = -1;
  constructor(private readonly list: T[]) {}
  hasNext(): boolean {
    return this.cursor < this.list.length;
  }
  next(): T {
    this.lastReturned = this.cursor;
    return this.list[this.cursor++]!;
  }
  remove(): void {
    if (this.lastReturned < 0) return;
    this.list.splice(this.lastReturned, 1);
    this.cursor = this.lastReturned;
    this.lastReturned = -1;
  }
}

/**
 * ConstrainedAssignmentBuilder (equal subscriptions): keep owned partitions up to the quota, then deal
 * the rest round-robin to members under quota. A kept-over-quota partition is revoked, and if it lands
 * on someone else it is "transferring ownership" (the cooperative assignor withholds it for a round).
 */
class ConstrainedAssignmentBuilder {
  readonly partitionsTransferringOwnership = new Map<TP, string>();
  private readonly allRevokedPartitions = new Set<TP>();
  private readonly unfilledUnderMinQuota: string[] = [];
  private readonly unfilledExactlyMinQuota: string[] = [];
  private readonly minQuota: number;
  private readonly maxQuota: number;
  private readonly expectedNumMembersOverMinQuota: number;
  private currentNumMembersOverMinQuota = 0;
  private readonly assignment = new Map<string, TP[]>();
  private readonly assignedPartitions: TP[] = [];

  constructor(
    private readonly partitionCounts: ReadonlyMap<string, number>,
    private readonly table: PartitionTable,
    private readonly consumerToOwned: ReadonlyMap<string, TP[]>,
    private readonly partitionsWithMultiplePreviousOwners: ReadonlySet<TP>,
  ) {
    const total = [...partitionCounts.values()].reduce((sum, count) => sum + count, 0);
    const consumers = consumerToOwned.size;
    this.minQuota = Math.floor(total / consumers);
    this.maxQuota = Math.ceil(total / consumers);
    this.expectedNumMembersOverMinQuota = total % consumers;
    for (const consumer of consumerToOwned.keys()) this.assignment.set(consumer, []);
  }

  build(): Map<string, TP[]> {
    this.assignOwnedPartitions();
    const unassigned = this.unassignedPartitions();
    this.unfilledUnderMinQuota.sort(compareJavaStrings);
    this.unfilledExactlyMinQuota.sort(compareJavaStrings);
    this.assignRoundRobin(unassigned);
    return this.assignment;
  }

  private assignOwnedPartitions(): void {
    // consumerToOwnedPartitions is a HashMap: visit members in its iteration order.
    const consumers = javaHashOrder([...this.consumerToOwned.keys()], javaStringHash, javaHashMapCapacity(this.consumerToOwned.size));
    for (const consumer of consumers) {
      const owned = [...this.consumerToOwned.get(consumer)!]
        .sort((a, b) => a.partition - b.partition || compareJavaStrings(a.topic, b.topic))
        .filter((tp) => !this.partitionsWithMultiplePreviousOwners.has(tp));
      const consumerAssignment = this.assignment.get(consumer)!;

      if (owned.length < this.minQuota) {
        consumerAssignment.push(...owned);
        this.assignedPartitions.push(...owned);
        this.unfilledUnderMinQuota.push(consumer);
      } else if (owned.length >= this.maxQuota && this.currentNumMembersOverMinQuota < this.expectedNumMembersOverMinQuota) {
        this.currentNumMembersOverMinQuota++;
        if (this.currentNumMembersOverMinQuota === this.expectedNumMembersOverMinQuota) {
          this.unfilledExactlyMinQuota.length = 0;
        }
        const kept = owned.slice(0, this.maxQuota);
        consumerAssignment.push(...kept);
        this.assignedPartitions.push(...kept);
        for (const tp of owned.slice(this.maxQuota)) this.allRevokedPartitions.add(tp);
      } else {
        const kept = owned.slice(0, this.minQuota);
        consumerAssignment.push(...kept);
        this.assignedPartitions.push(...kept);
        for (const tp of owned.slice(this.minQuota)) this.allRevokedPartitions.add(tp);
        if (this.currentNumMembersOverMinQuota < this.expectedNumMembersOverMinQuota) {
          this.unfilledExactlyMinQuota.push(consumer);
        }
      }
    }
  }

  /** All partitions, sorted by topic then partition, minus the ones already kept. */
  private unassignedPartitions(): TP[] {
    const assigned = new Set(this.assignedPartitions);
    const topics = [...this.partitionCounts.keys()].sort(compareJavaStrings);
    const unassigned: TP[] = [];
    for (const topic of topics) {
      for (let partition = 0; partition < this.partitionCounts.get(topic)!; partition++) {
        const tp = this.table.get(topic, partition);
        if (!assigned.has(tp)) unassigned.push(tp);
      }
    }
    return unassigned;
  }

  private assignRoundRobin(unassigned: readonly TP[]): void {
    let iterator = new ListIterator(this.unfilledUnderMinQuota);
    for (const tp of unassigned) {
      let consumer: string | undefined;
      if (iterator.hasNext()) {
        consumer = iterator.next();
      } else if (this.unfilledUnderMinQuota.length === 0) {
        consumer = this.unfilledExactlyMinQuota.shift();
      } else {
        iterator = new ListIterator(this.unfilledUnderMinQuota);
        consumer = iterator.next();
      }
      // Kafka throws here ("No more unfilled consumers"); the quotas make it unreachable.
      if (consumer === undefined) break;

      const count = this.assignNewPartition(tp, consumer);
      if (count === this.minQuota) {
        iterator.remove();
        this.unfilledExactlyMinQuota.push(consumer);
      } else if (count === this.maxQuota) {
        this.currentNumMembersOverMinQuota++;
      }
    }
  }

  private assignNewPartition(tp: TP, consumer: string): number {
    const consumerAssignment = this.assignment.get(consumer)!;
    consumerAssignment.push(tp);
    if (this.allRevokedPartitions.has(tp) || this.partitionsWithMultiplePreviousOwners.has(tp)) {
      this.partitionsTransferringOwnership.set(tp, consumer);
    }
    return consumerAssignment.length;
  }
}

/** A HashSet<TP> whose iterator().next() returns the element Java's HashSet would. */
class JavaHashSet {
  private readonly items: TP[] = []; // in insertion order
  private maxSize = 0;

  add(tp: TP): void {
    if (this.items.includes(tp)) return;
    this.items.push(tp);
    this.maxSize = Math.max(this.maxSize, this.items.length);
  }
  delete(tp: TP): void {
    removeFirst(this.items, tp);
  }
  get size(): number {
    return this.items.length;
  }
  first(): TP | undefined {
    // A HashMap never shrinks its table, so the capacity follows the largest size it reached.
    return javaHashOrder(this.items, (tp) => tp.hash, javaHashMapCapacity(this.maxSize))[0];
  }
}

function pairKey(source: string, destination: string): string {
  return JSON.stringify([source, destination]);
}

/** PartitionMovements: remembers moves so a partition moving back and forth is recognised. */
class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashSet>>();
  private readonly movements = new Map<TP, { source: string; destination: string }>();

  private removeMovementRecord(tp: TP): { source: string; destination: string } {
    const pair = this.movements.get(tp)!;
    this.movements.delete(tp);
    const topicMovements = this.byTopic.get(tp.topic)!;
    const key = pairKey(pair.source, pair.destination);
    const set = topicMovements.get(key)!;
    set.delete(tp);
    if (set.size === 0) topicMovements.delete(key);
    if (topicMovements.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private addMovementRecord(tp: TP, source: string, destination: string): void {
    this.movements.set(tp, { source, destination });
    let topicMovements = this.byTopic.get(tp.topic);
    if (!topicMovements) {
      topicMovements = new Map();
      this.byTopic.set(tp.topic, topicMovements);
    }
    const key = pairKey(source, destination);
    let set = topicMovements.get(key);
    if (!set) {
      set = new JavaHashSet();
      topicMovements.set(key, set);
    }
    set.add(tp);
  }

  movePartition(tp: TP, oldConsumer: string, newConsumer: string): void {
    if (this.movements.has(tp)) {
      const existing = this.removeMovementRecord(tp);
      if (existing.source !== newConsumer) this.addMovementRecord(tp, existing.source, newConsumer);
    } else {
      this.addMovementRecord(tp, oldConsumer, newConsumer);
    }
  }

  actualPartitionToMove(tp: TP, oldConsumer: string, newConsumer: string): TP {
    const topicMovements = this.byTopic.get(tp.topic);
    if (!topicMovements) return tp;
    let from = oldConsumer;
    const previous = this.movements.get(tp);
    if (previous) from = previous.source;
    const reverse = topicMovements.get(pairKey(newConsumer, from));
    if (!reverse) return tp;
    return reverse.first() ?? tp;
  }
}

/**
 * GeneralAssignmentBuilder (different subscriptions): keep valid owned partitions, hand unassigned ones
 * to the least-loaded eligible member, then move partitions while that improves balance, reverting if
 * the result is not more balanced than before.
 */
class GeneralAssignmentBuilder {
  private readonly topicToConsumers = new Map<string, string[]>();
  private readonly consumerToTopics = new Map<string, string[]>();
  private readonly currentPartitionConsumer = new Map<TP, string>();
  private sortedAllPartitions: TP[];
  private sortedCurrentSubscriptions: string[] = [];
  private revocationRequired = false;
  private readonly movements = new PartitionMovements();
  private readonly totalPartitions: number;

  constructor(
    private readonly partitionCounts: ReadonlyMap<string, number>,
    private readonly table: PartitionTable,
    private currentAssignment: Map<string, TP[]>,
    private readonly subscriptions: readonly Subscription[],
    private readonly maxGeneration: number,
  ) {
    this.totalPartitions = [...partitionCounts.values()].reduce((sum, count) => sum + count, 0);
    for (const topic of partitionCounts.keys()) this.topicToConsumers.set(topic, []);
    for (const subscription of subscriptions) {
      const topics: string[] = [];
      this.consumerToTopics.set(subscription.memberId, topics);
      for (const topic of subscription.topics) {
        if (!partitionCounts.has(topic)) continue;
        topics.push(topic);
        this.topicToConsumers.get(topic)!.push(subscription.memberId);
      }
      if (!this.currentAssignment.has(subscription.memberId)) this.currentAssignment.set(subscription.memberId, []);
    }
    for (const [consumer, partitions] of this.currentAssignment) {
      for (const tp of partitions) this.currentPartitionConsumer.set(tp, consumer);
    }
    const sortedTopics = [...this.topicToConsumers.keys()].sort(
      (a, b) => this.topicToConsumers.get(a)!.length - this.topicToConsumers.get(b)!.length || compareJavaStrings(a, b),
    );
    this.sortedAllPartitions = sortedTopics.flatMap((topic) =>
      Array.from({ length: partitionCounts.get(topic)! }, (_, partition) => this.table.get(topic, partition)),
    );
  }

  build(): Map<string, TP[]> {
    const prevAssignment = this.previousGenerationAssignment();
    const assigned = this.assignOwnedPartitions();
    const assignedSet = new Set(assigned);
    const unassigned = this.sortedAllPartitions.filter((tp) => !assignedSet.has(tp));
    for (const consumer of this.currentAssignment.keys()) this.addToSorted(consumer);
    this.balance(prevAssignment, unassigned);
    return this.currentAssignment;
  }

  /** prepopulateCurrentAssignments: partitions last owned in an older generation, for stickiness. */
  private previousGenerationAssignment(): Map<TP, { consumer: string; generation: number }> {
    const previous = new Map<TP, { consumer: string; generation: number }>();
    const update = (partitions: readonly TP[], consumer: string, generation: number) => {
      for (const tp of partitions) {
        const existing = previous.get(tp);
        if (!existing || generation > existing.generation) previous.set(tp, { consumer, generation });
      }
    };
    for (const subscription of this.subscriptions) {
      if (subscription.generation !== undefined && subscription.generation < this.maxGeneration) {
        update(subscription.owned, subscription.memberId, subscription.generation);
      } else if (subscription.generation === undefined && this.maxGeneration > DEFAULT_GENERATION) {
        update(subscription.owned, subscription.memberId, DEFAULT_GENERATION);
      }
    }
    return previous;
  }

  private assignOwnedPartitions(): TP[] {
    const assigned: TP[] = [];
    const topicsOf = new Map(this.subscriptions.map((s) => [s.memberId, new Set(s.topics)]));
    for (const [consumer, partitions] of this.currentAssignment) {
      const subscribed = topicsOf.get(consumer);
      if (!subscribed) {
        for (const tp of partitions) this.currentPartitionConsumer.delete(tp);
        this.currentAssignment.delete(consumer);
        continue;
      }
      const kept: TP[] = [];
      for (const tp of partitions) {
        if (!this.topicToConsumers.has(tp.topic)) {
          this.currentPartitionConsumer.delete(tp);
        } else if (!subscribed.has(tp.topic)) {
          this.revocationRequired = true;
        } else {
          kept.push(tp);
          assigned.push(tp);
        }
      }
      this.currentAssignment.set(consumer, kept);
    }
    return assigned;
  }

  // sortedCurrentSubscriptions is a TreeSet ordered by assignment size, then member id.
  private compareSubscriptions = (a: string, b: string): number =>
    this.currentAssignment.get(a)!.length - this.currentAssignment.get(b)!.length || compareJavaStrings(a, b);

  private addToSorted(consumer: string): void {
    if (this.sortedCurrentSubscriptions.includes(consumer)) return;
    let low = 0;
    let high = this.sortedCurrentSubscriptions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compareSubscriptions(this.sortedCurrentSubscriptions[mid]!, consumer) < 0) low = mid + 1;
      else high = mid;
    }
    this.sortedCurrentSubscriptions.splice(low, 0, consumer);
  }

  private removeFromSorted(consumer: string): void {
    removeFirst(this.sortedCurrentSubscriptions, consumer);
  }

  private maxAssignmentSize(topics: readonly string[]): number {
    if (topics.length === this.partitionCounts.size) return this.totalPartitions;
    return topics.reduce((sum, topic) => sum + this.partitionCounts.get(topic)!, 0);
  }

  private isBalanced(): boolean {
    const sorted = this.sortedCurrentSubscriptions;
    if (sorted.length === 0) return true;
    const min = this.currentAssignment.get(sorted[0]!)!.length;
    const max = this.currentAssignment.get(sorted[sorted.length - 1]!)!.length;
    if (min >= max - 1) return true;

    const owner = new Map<TP, string>();
    for (const [consumer, partitions] of this.currentAssignment) for (const tp of partitions) owner.set(tp, consumer);

    for (const consumer of sorted) {
      const partitions = this.currentAssignment.get(consumer)!;
      const topics = this.consumerToTopics.get(consumer)!;
      if (partitions.length === this.maxAssignmentSize(topics)) continue;
      for (const topic of topics) {
        for (let partition = 0; partition < this.partitionCounts.get(topic)!; partition++) {
          const tp = this.table.get(topic, partition);
          if (partitions.includes(tp)) continue;
          const other = owner.get(tp);
          if (other === undefined) continue;
          if (partitions.length + 1 < this.currentAssignment.get(other)!.length) return false;
        }
      }
    }
    return true;
  }

  private balanceScore(assignment: ReadonlyMap<string, TP[]>): number {
    const sizes = [...assignment.values()].map((partitions) => partitions.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
    return score;
  }

  private maybeAssignPartition(tp: TP): void {
    for (const consumer of this.sortedCurrentSubscriptions) {
      if (!this.consumerToTopics.get(consumer)!.includes(tp.topic)) continue;
      this.removeFromSorted(consumer);
      this.currentAssignment.get(consumer)!.push(tp);
      this.currentPartitionConsumer.set(tp, consumer);
      this.addToSorted(consumer);
      return;
    }
  }

  private canTopicParticipate(topic: string): boolean {
    return this.topicToConsumers.get(topic)!.length >= 2;
  }

  private canConsumerParticipate(consumer: string): boolean {
    const partitions = this.currentAssignment.get(consumer)!;
    if (partitions.length < this.maxAssignmentSize(this.consumerToTopics.get(consumer)!)) return true;
    return partitions.some((tp) => this.canTopicParticipate(tp.topic));
  }

  private balance(prevAssignment: Map<TP, { consumer: string; generation: number }>, unassigned: TP[]): void {
    const sorted = this.sortedCurrentSubscriptions;
    const initializing = sorted.length === 0 || this.currentAssignment.get(sorted[sorted.length - 1]!)!.length === 0;

    for (const tp of unassigned) {
      if (this.topicToConsumers.get(tp.topic)!.length === 0) continue;
      this.maybeAssignPartition(tp);
    }

    const fixedTopics = new Set([...this.topicToConsumers.keys()].filter((topic) => !this.canTopicParticipate(topic)));
    this.sortedAllPartitions = this.sortedAllPartitions.filter((tp) => !fixedTopics.has(tp.topic));
    const reassignable = unassigned.filter((tp) => !fixedTopics.has(tp.topic));

    const fixedAssignments = new Map<string, TP[]>();
    for (const consumer of this.consumerToTopics.keys()) {
      if (!this.canConsumerParticipate(consumer)) {
        this.removeFromSorted(consumer);
        fixedAssignments.set(consumer, this.currentAssignment.get(consumer)!);
        this.currentAssignment.delete(consumer);
      }
    }

    const preBalanceAssignment = cloneAssignment(this.currentAssignment);
    const preBalancePartitionConsumers = new Map(this.currentPartitionConsumer);

    if (!this.revocationRequired) this.performReassignments(reassignable, prevAssignment);
    const reassignmentPerformed = this.performReassignments(this.sortedAllPartitions, prevAssignment);

    if (
      !initializing &&
      reassignmentPerformed &&
      this.balanceScore(this.currentAssignment) >= this.balanceScore(preBalanceAssignment)
    ) {
      this.currentAssignment = cloneAssignment(preBalanceAssignment);
      this.currentPartitionConsumer.clear();
      for (const [tp, consumer] of preBalancePartitionConsumers) this.currentPartitionConsumer.set(tp, consumer);
      this.sortedCurrentSubscriptions = [];
      for (const consumer of this.currentAssignment.keys()) this.addToSorted(consumer);
    }

    for (const [consumer, partitions] of fixedAssignments) {
      this.currentAssignment.set(consumer, partitions);
      this.addToSorted(consumer);
    }
  }

  private performReassignments(
    partitions: readonly TP[],
    prevAssignment: Map<TP, { consumer: string; generation: number }>,
  ): boolean {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (this.isBalanced()) break;
        const consumer = this.currentPartitionConsumer.get(tp);
        if (consumer === undefined) continue;
        const consumerSize = this.currentAssignment.get(consumer)!.length;

        const previous = prevAssignment.get(tp);
        if (previous && this.currentAssignment.has(previous.consumer) && consumerSize > this.currentAssignment.get(previous.consumer)!.length + 1) {
          this.reassignPartitionTo(tp, previous.consumer);
          performed = true;
          modified = true;
          continue;
        }

        for (const other of this.topicToConsumers.get(tp.topic)!) {
          const otherAssignment = this.currentAssignment.get(other);
          if (otherAssignment && consumerSize > otherAssignment.length + 1) {
            this.reassignPartition(tp);
            performed = true;
            modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  }

  private reassignPartition(tp: TP): void {
    const newConsumer = this.sortedCurrentSubscriptions.find((consumer) => this.consumerToTopics.get(consumer)!.includes(tp.topic));
    if (newConsumer !== undefined) this.reassignPartitionTo(tp, newConsumer);
  }

  private reassignPartitionTo(tp: TP, newConsumer: string): void {
    const consumer = this.currentPartitionConsumer.get(tp)!;
    const toMove = this.movements.actualPartitionToMove(tp, consumer, newConsumer);
    this.processPartitionMovement(toMove, newConsumer);
  }

  private processPartitionMovement(tp: TP, newConsumer: string): void {
    const oldConsumer = this.currentPartitionConsumer.get(tp)!;
    this.removeFromSorted(oldConsumer);
    this.removeFromSorted(newConsumer);
    this.movements.movePartition(tp, oldConsumer, newConsumer);
    removeFirst(this.currentAssignment.get(oldConsumer)!, tp);
    this.currentAssignment.get(newConsumer)!.push(tp);
    this.currentPartitionConsumer.set(tp, newConsumer);
    this.addToSorted(newConsumer);
    this.addToSorted(oldConsumer);
  }
}

export type { TP as StickyTopicPartition };

// A copy-on-write view of the state for one step. The step mutates the draft freely; the first write
// to any object copies it (once per step), so the input state is never modified and everything the
// step does not touch is shared with it. This is what keeps `step` pure without copying the cluster.
import { nextRandom } from "./prng";
import type { ProduceResponse } from "./responses";
import type {
  BrokerState,
  ClusterEvent,
  ClusterState,
  ConsumerState,
  GroupState,
  PartitionState,
  ProducerState,
  StreamAppState,
  TopicState,
} from "./types";

/** An invalid action: the step is abandoned and the state records the message. */
export class ActionError extends Error {}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export class Draft {
  readonly state: ClusterState;
  /** While true, emit() records nothing (bulk workloads summarise instead of narrating each poll). */
  muted = false;
  /**
   * Broker responses to produce requests that finished during this step, oldest first, not yet seen by
   * their producers. The clock and the reducer drain it (produce.ts#deliverResponses); it is empty when
   * the step ends.
   */
  readonly responses: ProduceResponse[] = [];
  private readonly fresh = new WeakSet<object>();

  constructor(base: ClusterState) {
    this.state = { ...base };
    this.fresh.add(this.state);
  }

  /** A writable copy of `value` (the same object if it was already copied in this step). */
  own<T extends object>(value: T): T {
    if (this.fresh.has(value)) return value;
    const copy = (Array.isArray(value) ? value.slice() : { ...value }) as T;
    this.fresh.add(copy);
    return copy;
  }

  /** Marks an object built in this step as writable without copying it again. */
  adopt<T extends object>(value: T): T {
    this.fresh.add(value);
    return value;
  }

  get now(): number {
    return this.state.now;
  }

  broker(id: number): BrokerState {
    const brokers = (this.state.brokers = this.own(this.state.brokers));
    const broker = brokers[String(id)];
    if (!broker) throw new ActionError(`Broker ${id} does not exist.`);
    return (brokers[String(id)] = this.own(broker));
  }

  topic(name: string): TopicState {
    const topics = (this.state.topics = this.own(this.state.topics));
    const topic = topics[name];
    if (!topic) throw new ActionError(`Topic '${name}' does not exist.`);
    return (topics[name] = this.own(topic));
  }

  partition(topicName: string, index: number): PartitionState {
    const topic = this.topic(topicName);
    const partitions = (topic.partitions = this.own(topic.partitions));
    const partition = partitions[index];
    if (!partition) throw new ActionError(`Partition ${index} of topic '${topicName}' does not exist.`);
    return (partitions[index] = this.own(partition));
  }

  producer(id: string): ProducerState {
    const producers = (this.state.producers = this.own(this.state.producers));
    const producer = producers[id];
    if (!producer) throw new ActionError(`Producer '${id}' does not exist.`);
    return (producers[id] = this.own(producer));
  }

  consumer(id: string): ConsumerState {
    const consumers = (this.state.consumers = this.own(this.state.consumers));
    const consumer = consumers[id];
    if (!consumer) throw new ActionError(`Consumer '${id}' does not exist.`);
    return (consumers[id] = this.own(consumer));
  }

  group(id: string): GroupState {
    const groups = (this.state.groups = this.own(this.state.groups));
    const group = groups[id];
    if (!group) throw new ActionError(`Consumer group '${id}' does not exist.`);
    return (groups[id] = this.own(group));
  }

  stream(id: string): StreamAppState {
    const streams = (this.state.streams = this.own(this.state.streams));
    const app = streams[id];
    if (!app) throw new ActionError(`Stream application '${id}' does not exist.`);
    return (streams[id] = this.own(app));
  }

  random(): number {
    const [value, next] = nextRandom(this.state.rng);
    this.state.rng = next;
    return value;
  }

  randomInt(bound: number): number {
    return Math.floor(this.random() * bound);
  }

  /** A Kafka-style Uuid: 16 random bytes in unpadded base64url (22 characters). */
  uuid(): string {
    let bits = "";
    for (let i = 0; i < 16; i++) bits += this.randomInt(256).toString(2).padStart(8, "0");
    bits += "0000";
    let out = "";
    for (let i = 0; i < 132; i += 6) out += BASE64URL[parseInt(bits.slice(i, i + 6), 2)];
    return out;
  }

  /** A java.util.UUID-style string, as in consumer member ids. */
  javaUuid(): string {
    const hex = Array.from({ length: 32 }, () => this.randomInt(16).toString(16)).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Appends an event with a learner-facing sentence; the log is capped when the step finishes. */
  emit(kind: string, message: string, details: Record<string, unknown> = {}): void {
    if (this.muted) return;
    const events = (this.state.events = this.own(this.state.events));
    const event: ClusterEvent = { ...details, seq: this.state.eventSeq, t: this.state.now, kind, message };
    this.state.eventSeq += 1;
    events.push(event);
  }

  finish(): ClusterState {
    const limit = this.state.config.eventLogLimit;
    if (this.state.events.length > limit) {
      const overflow = this.state.events.length - limit;
      this.state.events = this.state.events.slice(overflow);
      this.state.droppedEvents += overflow;
    }
    return this.state;
  }
}

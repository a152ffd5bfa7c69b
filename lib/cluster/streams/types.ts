// Shapes shared by the windowed aggregations. Every aggregate here is "collect the values", so a
// window's count is its number of values; that is what the demos and the vectors need.

/** A window's aggregate: the values in arrival order and the max record timestamp (Kafka's agg timestamp). */
export interface WindowAggregate {
  key: string;
  start: number;
  end: number;
  values: string[];
  timestamp: number;
}

/** One output record of the aggregation, as a downstream topic would receive it. */
export interface WindowEmission {
  key: string;
  start: number;
  end: number;
  /** null is a tombstone: a session that was merged away. */
  values: string[] | null;
  timestamp: number;
}

/** A record (or a record's contribution to one window) that was dropped as late, with the numbers. */
export interface LateDrop {
  key: string;
  value: string;
  timestamp: number;
  /** The window it was dropped for; for a whole-record drop, the window it would have created. */
  start: number;
  end: number;
  streamTime: number;
  /** Kafka's "expiration" in the log line: stream time minus grace (minus gap for sessions). */
  closeTime: number;
}

export interface ProcessResult {
  /** Eager output of this record (Kafka's default onWindowUpdate strategy). */
  updates: WindowEmission[];
  /** Windows closed by this record's advance of stream time (onWindowClose / emit-final). */
  finals: WindowEmission[];
  drops: LateDrop[];
}

/** Kafka's observedStreamTime starts at ConsumerRecord.NO_TIMESTAMP. */
export const NO_TIMESTAMP = -1;

export function emission(aggregate: WindowAggregate): WindowEmission {
  return {
    key: aggregate.key,
    start: aggregate.start,
    end: aggregate.end,
    values: [...aggregate.values],
    timestamp: aggregate.timestamp,
  };
}

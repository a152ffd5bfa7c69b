// The answers `npm run screenshots` submits: what a few candidates might really write, good and weak,
// in their own words (none of it is taken from the question bank's model answers or calibration sets).
// `daysAgo` spreads one candidate's history over three weeks, so the trend and the heat map have a shape.

export interface SeedAnswer {
  question: string;
  daysAgo: number;
  text: string;
}

/** Sam, the candidate whose history, feedback and interview the screenshots show. Oldest first. */
export const SAM_ANSWERS: SeedAnswer[] = [
  {
    question: "kafka-what-and-why",
    daysAgo: 20,
    text:
      "Kafka is a message queue that lets services send messages to each other. Producers write messages to topics and consumers read them. " +
      "It is fast because it writes to disk sequentially. Once a consumer has read a message it is removed from the topic, which keeps the storage small. " +
      "Compared to a database you don't run queries on it, and compared to RabbitMQ it just scales better.",
  },
  {
    question: "kafka-architecture",
    daysAgo: 18,
    text:
      "A Kafka cluster is a set of brokers. Topics are where the data goes, and each topic has partitions. " +
      "Consumers read from the topics and remember their offsets so they know where they stopped. " +
      "Consumer groups are used so that many consumers can read at the same time.",
  },
  {
    question: "kafka-keys-and-ordering",
    daysAgo: 17,
    text:
      "The producer picks the partition from the key: it hashes the key, so the same key always goes to the same partition. " +
      "That means all the events of one order sit on one partition and come out in the order they were sent. " +
      "Across the whole topic Kafka keeps everything in order as well, because the offsets only ever increase.",
  },
  {
    question: "kafka-offsets-and-commits",
    daysAgo: 15,
    text:
      "The consumer keeps an offset for each partition it reads, and commits it back to Kafka. " +
      "By default auto commit is on and it commits every 5 seconds. With manual commits you call commitSync yourself after you have processed the batch. " +
      "If you set auto.offset.reset to earliest the consumer starts from the beginning every time it restarts and re-reads everything, which is why most teams use latest.",
  },
  {
    question: "kafka-what-and-why",
    daysAgo: 13,
    text:
      "Kafka is basically a distributed commit log: producers append records to the end of a topic and nothing is ever updated in place. " +
      "LinkedIn built it because they had dozens of systems wired to each other with one-off point-to-point pipelines, and they wanted one central place every system could publish to and read from. " +
      "A topic is split into partitions that live on different brokers, and that is how it scales out for both writes and reads. " +
      "Each consumer tracks its offset, so after a restart it picks up where it was, and you can move the offset back to replay old data. " +
      "Reading doesn't delete anything — records stay until the retention period, say seven days, runs out. " +
      "A database tells you the current value of a row; Kafka keeps the sequence of changes that led there. " +
      "With RabbitMQ the broker pushes each message to one consumer and drops it once it is acked, while Kafka consumers pull, and several consumer groups can read the same topic independently. " +
      "At my last job we used it for clickstream events that fed both the warehouse and a fraud service.",
  },
  {
    question: "kafka-architecture",
    daysAgo: 11,
    text:
      "Brokers are the servers. A topic is split into partitions, and the partitions are spread over the brokers so the load is shared. " +
      "Every partition is replicated: one broker is the leader and serves the reads and writes, the followers copy from it. " +
      "Inside a consumer group the partitions are divided between the consumers, and each partition is read by only one consumer of the group. " +
      "The group commits its offsets, so after a restart a consumer continues where it stopped.",
  },
  {
    question: "stream-late-data",
    daysAgo: 9,
    text:
      "Flink works in event time, so a window is about when the event happened, not when it arrived. " +
      "Watermarks tell the operator how far event time has got; when the watermark passes the end of a window, the window fires. " +
      "If you expect stragglers you set allowedLateness, which keeps the window state around longer and updates the result when a late event turns up. " +
      "Anything later than that is dropped, unless you send it to a side output with sideOutputLateData, which I would always do so you can at least count it. " +
      "The trade-off is that more lateness gives you more correct results, but you wait longer and keep more state. In Kafka Streams you set a grace period on the window instead.",
  },
  {
    question: "kafka-delivery-guarantees",
    daysAgo: 8,
    text:
      "At-most-once means you might lose messages, at-least-once means you might get duplicates, and exactly-once means each message is delivered once. " +
      "Kafka does exactly-once with the idempotent producer and with transactions. For payments it matters because you don't want to charge people twice.",
  },
  {
    question: "kafka-keys-and-ordering",
    daysAgo: 6,
    text:
      "By default the producer hashes the key with murmur2 and takes it modulo the number of partitions, so every record with the same key lands on the same partition. " +
      "Kafka only guarantees order inside a partition — there is no order between partitions — so if the team keys by order id, all events for one order are read back in the order they were written. " +
      "Two things to watch: if you add partitions later, the key-to-partition mapping changes and new events for an existing order can go to a different partition; " +
      "and on the consumer side you can't hand records to a thread pool at random, one key has to stay on one thread. " +
      "Records without a key are spread by the sticky partitioner, so they have no per-key order at all.",
  },
  {
    question: "kafka-offsets-and-commits",
    daysAgo: 5,
    text:
      "Offsets are committed per group and partition to the internal __consumer_offsets topic, and the committed value is the offset of the next record the group should read, not the last one it processed. " +
      "Out of the box enable.auto.commit is true: every five seconds, inside poll(), the consumer commits what the previous poll returned. " +
      "That's easy, but if you hand records to another thread and keep polling, a crash can lose records that were committed but never processed. " +
      "Manual commits give you control: commitSync blocks until the commit succeeds or fails for good, while commitAsync returns at once and a failed async commit is simply not tried again, so people use async in the loop and one sync commit on shutdown. " +
      "The order is what decides the guarantee: process then commit is at-least-once with possible duplicates after a crash, commit then process is at-most-once. " +
      "auto.offset.reset only applies when the group has no committed offset, or it has fallen out of retention — it doesn't rewind on every restart.",
  },
  {
    question: "kafka-architecture",
    daysAgo: 3,
    text:
      "Brokers are the servers that store the data. A topic is a named stream split into partitions, and each partition is an ordered, append-only log; the partitions are spread across the brokers. " +
      "Each partition has replicas on several brokers — one leader handles produce and fetch requests, the followers copy from it, and if the leader's broker dies the controller elects a new leader from the in-sync followers. " +
      "Ordering only holds within one partition, not across the whole topic. " +
      "Consumers join a group, and the group splits the partitions between its members: each partition goes to exactly one consumer in the group, so the partition count caps the parallelism. " +
      "The group's position is the committed offset, stored in the internal __consumer_offsets topic, so a consumer that restarts resumes from there. " +
      "If a consumer dies, a rebalance hands its partitions to the others.",
  },
  {
    question: "kafka-consumer-lag",
    daysAgo: 2,
    text:
      "First I'd run kafka-consumer-groups --describe on the group to see the lag per partition. " +
      "If the lag is on every partition the consumers are simply too slow; if it's on one or two partitions it's probably a hot key. " +
      "For slow consumers I'd profile what the processing does per record — usually a database or HTTP call per message — and batch those calls. " +
      "I'd add consumers, but only up to the number of partitions, because beyond that the extra ones just sit idle. " +
      "For a hot key you can salt the key or write a custom partitioner. And I'd put an alert on lag, ideally in seconds and not only in messages.",
  },
  {
    question: "kafka-delivery-guarantees",
    daysAgo: 0,
    text:
      "At-most-once means a record is never processed twice but can be lost, for example if you commit the offset before processing and then crash. " +
      "At-least-once is the other way round: you commit after processing, so nothing is lost, but a crash between the processing and the commit means the record comes again and you get a duplicate. " +
      "Exactly-once in Kafka is built from two pieces. First the idempotent producer: the broker gives each producer an id and every batch carries a sequence number, so when the producer retries after a timeout the broker recognises the duplicate and drops it. " +
      "For that to be safe you have to set max.in.flight.requests.per.connection to 1, otherwise retries could still be duplicated. " +
      "Second, transactions: a consume-transform-produce app writes its output to several partitions and commits its input offsets with sendOffsetsToTransaction in the same transaction, so either all of it becomes visible or none of it does. " +
      "I would also run acks=all with min.insync.replicas=2 so an acknowledged payment survives losing a broker. " +
      "The guarantee stops at Kafka though: if the consumer calls the card processor's API, that call is not part of the transaction, so it needs an idempotency key.",
  },
];

/** Sam's first answer in the mock interview (the warm-up is the kafka question Sam has not practised yet). */
export const INTERVIEW_ANSWERS: Record<string, string> = {
  "kafka-retention-replay":
    "Reading doesn't remove anything in Kafka: a consumer just moves its offset forward, and the records stay on disk for every other group. " +
    "What removes data is the topic's retention policy — retention.ms, seven days by default, or retention.bytes if you cap the size — and the broker deletes whole old segments once they are past it. " +
    "For a new service that needs last week's events, I'd give it its own consumer group with auto.offset.reset=earliest so it starts at the oldest record still retained, " +
    "or if it only needs data from a certain day, reset the group with kafka-consumer-groups --reset-offsets --to-datetime before starting it.",
};

/** Sam's reply to the follow-up, typed but not yet sent in the screenshot. */
export const FOLLOW_UP_DRAFT =
  "The cleaner never touches the active segment, so recent duplicates sit there until the segment rolls. " +
  "And even on closed segments it only runs once enough of the log is dirty, so for a while you can still read older values for a key.";

/** Other candidates' answers to the question the instructor screenshots show, for its statistics. */
export const CLASSMATE_ANSWERS: { name: string; text: string }[] = [
  {
    name: "Priya Raman",
    text:
      "Kafka runs as a cluster of brokers. Data is organised into topics, each topic is split into partitions, and the partitions are distributed across the brokers so no single machine holds everything. " +
      "With a replication factor of three, each partition has a leader and two followers on other brokers; producers and consumers talk to the leader and the followers replicate it. " +
      "If the leader goes down, one of the in-sync followers is elected as the new leader automatically. " +
      "Order is only guaranteed within a partition. Consumers in the same group share the partitions, with each partition assigned to exactly one consumer in the group, " +
      "while a different group reading the same topic gets all the data again, independently. Each group commits its offsets to __consumer_offsets, so it can resume after a restart.",
  },
  {
    name: "Tom Becker",
    text:
      "Producers send messages to the brokers and the brokers store them in topics. " +
      "Consumer groups make sure each message is processed exactly once, because only one consumer in the group ever gets a given message. " +
      "Offsets tell each consumer where it is in the topic.",
  },
  {
    name: "Lena Fischer",
    text:
      "A topic is split into partitions that are spread over the brokers, and each partition is copied to other brokers so a broker can fail without losing data. " +
      "Consumers in a group divide the partitions between them. The topic keeps all messages in one global order, so consumers see events exactly in the order they were produced. " +
      "Offsets are stored per group so they can continue after a restart.",
  },
  {
    name: "Marco Silva",
    text:
      "Each broker hosts some partitions. For every partition one replica is the leader and the others are followers that fetch from it; when the leader dies a follower takes over. " +
      "Topics are divided into partitions, and messages within one partition are ordered. " +
      "In a consumer group several consumers can read the same partition together to go faster, and the offsets they commit let them resume.",
  },
  {
    name: "Yuki Tanaka",
    text:
      "Brokers store partitions, and partitions are the unit of parallelism: a topic is cut into partitions spread over the brokers. " +
      "Each partition has a leader broker and followers that copy it, and a new leader is picked from the in-sync replicas when one fails. " +
      "In a group, each partition is consumed by one consumer only, and two different groups read the same data without affecting each other. " +
      "The committed offsets in __consumer_offsets are the group's bookmark.",
  },
];

// Stream processing on Kafka: transactions and read_committed, tumbling and hopping windows, session
// windows, late records and grace.
import { plural } from "@/lib/format/text";
import { formatMinutesSeconds } from "@/lib/format/time";
import type { LabAction, LabScenario, LabState } from "../lab/types";
import { activeApp, liveWindows, met, notYet } from "./checks";
import { labSetup, MINUTE, scenarioMeta, SECOND, windowedAppSetup } from "./define";
import { LATE_DATA_GRACE, SESSION_WINDOWS, TIME_WINDOWS, TRANSACTIONS_EOS } from "./streams.meta";

/** The highest event time the current app has seen. */
function streamTime(state: LabState): number {
  return Math.max(0, ...(activeApp(state)?.tasks ?? []).map((task) => task.streamTime));
}

/** A record of `key` with event time `timestamp`, as the window demos' steps send them. */
const sendAt = (timestamp: number, key: string, value: string): LabAction => ({ type: "produce", key, value, timestamp });

/** Half a second played after sending, so the stream app reads what was sent. */
const READ: LabAction = { type: "tick", quanta: 5 };

/** A window bound as the lab's steps write it: 0:40, 13:00. */
const at = (ms: number) => formatMinutesSeconds(ms / SECOND);
export const transactionsEos: LabScenario = {
  ...scenarioMeta(TRANSACTIONS_EOS),
  topic: "orders",
  group: "billing",
  controls: ["produce", "transactions", "consumers"],
  setup: labSetup(
    [
      { name: "orders", partitions: 1, replicationFactor: 3 },
      { name: "invoices", partitions: 1, replicationFactor: 3 },
    ],
    {
      workload: { ratePerSec: 5, keyCount: 10 },
      consumers: 1,
      consumerConfig: { enableAutoCommit: false, maxPollRecords: 100, pollIntervalMs: 100 },
      slowFactor: 0.1,
      transactional: { outputTopic: "invoices" },
      prelude: [
        { type: "createProducer", producer: "billing-tx", config: { transactionalId: "billing-1" } },
        { type: "initTransactions", producer: "billing-tx" },
        { type: "createConsumer", consumer: "auditor-committed", topics: ["invoices"], config: { groupId: "audit-rc", autoOffsetReset: "earliest", isolationLevel: "read_committed" } },
        { type: "createConsumer", consumer: "auditor-uncommitted", topics: ["invoices"], config: { groupId: "audit-ru", autoOffsetReset: "earliest" } },
      ],
      warmupQuanta: 20,
    },
  ),
  steps: [
    {
      title: "Read, process, write, commit",
      instruction: "Play two seconds, then run a transaction and commit it.",
      notice: "The invoices and the billing group's new input offset are committed together. The read_committed auditor sees the invoices only once the COMMIT marker is written.",
      actions: [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "commit" }, { type: "tick", quanta: 5 }],
      done: (state) => state.transactions.committed >= 1,
    },
    {
      title: "Abort one",
      instruction: "Play two seconds, then run a transaction and abort it.",
      notice: "The aborted invoices stay in the log, but read_committed skips them; read_uncommitted already saw them. The input offset did not move, so the app rewinds.",
      actions: [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "abort" }, { type: "tick", quanta: 5 }],
      done: (state) => state.transactions.aborted >= 1,
    },
    {
      title: "Try again",
      instruction: "Run another transaction and commit it.",
      notice: "The same orders are invoiced again, and this time committed: read_committed sees each order's invoice exactly once.",
      actions: [{ type: "transaction", outcome: "commit" }, { type: "tick", quanta: 5 }],
      done: (state) => state.transactions.last === "commit",
    },
  ],
  challenge: {
    goal: "Abort at least one transaction and still have the read_committed auditor see exactly one invoice per processed order.",
    hint: "Offsets that travel inside the transaction only move when it commits.",
    check(state) {
      if (state.transactions.aborted < 1) return notYet("No transaction has been aborted yet.");
      if (state.transactions.committed < 1) return notYet("Commit a transaction after the abort.");
      const committedOffset = state.cluster.groups.billing?.committed["orders-0"]?.offset ?? 0;
      const seen = state.cluster.consumers["auditor-committed"]?.processedCount ?? 0;
      const raw = state.cluster.consumers["auditor-uncommitted"]?.processedCount ?? 0;
      if (seen !== committedOffset) {
        return notYet(`The read_committed auditor has seen ${seen} invoices for ${committedOffset} committed orders; play a little time so it catches up.`);
      }
      return met(`${committedOffset} orders processed, ${seen} invoices visible to read_committed, one each. read_uncommitted saw ${raw}, aborted ones included.`);
    },
  },
};

export const timeWindows: LabScenario = {
  ...scenarioMeta(TIME_WINDOWS),
  topic: "clicks",
  group: null,
  controls: ["produce", "windows"],
  setup: windowedAppSetup("clicks", 3, { window: { kind: "tumbling", sizeMs: MINUTE, graceMs: 0 }, emit: "eager" }),
  steps: [
    {
      title: "Tumbling windows",
      instruction: "Send clicks on /home at 0:10, 0:40 and 0:59.999, then one at 1:00, and play half a second.",
      notice: "Windows are [0:00, 1:00), [1:00, 2:00)…, aligned to the epoch. The first three clicks count in the first window; 1:00 starts the next one, because a window's end is exclusive.",
      actions: [...[10 * SECOND, 40 * SECOND, MINUTE - 1, MINUTE].map((t) => sendAt(t, "/home", "click")), READ],
      // The app has counted three clicks in [0:00, 1:00) and the one at 1:00 in the next window.
      done: (state) => {
        const windows = liveWindows(state, "/home");
        return windows.some((w) => w.start === 0 && w.end === MINUTE && w.count >= 3) && windows.some((w) => w.start === MINUTE && w.count >= 1);
      },
    },
    {
      title: "Hopping windows",
      instruction: "Make the windows hop: 1 minute long, a new one every 30 s.",
      notice: "Windows now overlap, so most clicks count in two windows: [0:30, 1:30) holds 0:40, 0:59.999 and 1:00.",
      actions: [{ type: "setWindow", sizeMs: MINUTE, advanceMs: 30 * SECOND }, { type: "tick", quanta: 5 }],
      done: (state) => {
        const window = activeApp(state)?.window;
        return window?.kind === "hopping" && window.sizeMs === MINUTE && window.advanceMs === 30 * SECOND;
      },
    },
  ],
  challenge: {
    goal: "Get the click at 0:40 counted in two windows at once.",
    hint: "Tumbling windows never overlap. Which windows do?",
    check(state) {
      const windows = liveWindows(state, "/home").filter((w) => w.start <= 40 * SECOND && 40 * SECOND < w.end);
      const app = activeApp(state);
      if (!app || app.processed === 0) return notYet("Send some clicks (a 0:40 one on /home) and play time so the app reads them.");
      if (windows.length >= 2) {
        return met(`0:40 counts in ${windows.map((w) => `[${at(w.start)}, ${at(w.end)})`).join(" and ")}: hopping windows overlap.`);
      }
      return notYet(`0:40 is in ${plural(windows.length, "window")} of the current app.`);
    },
  },
};

export const sessionWindows: LabScenario = {
  ...scenarioMeta(SESSION_WINDOWS),
  topic: "activity",
  group: null,
  controls: ["produce", "windows"],
  setup: windowedAppSetup("activity", 3, { window: { kind: "session", gapMs: 5 * MINUTE, graceMs: 10 * MINUTE }, emit: "eager" }),
  steps: [
    {
      title: "Two bursts, two sessions",
      instruction: "Send alice's activity at 0:00, 2:00, 12:00 and 13:00 and play half a second.",
      notice: "With a 5-minute inactivity gap these are two sessions: [0:00, 2:00] and [12:00, 13:00]. Session windows have no fixed size; activity defines them.",
      actions: [...[0, 2, 12, 13].map((minute) => sendAt(minute * MINUTE, "alice", "tap")), READ],
      done: (state) => {
        const sessions = liveWindows(state, "alice");
        return sessions.some((w) => w.start === 0 && w.end === 2 * MINUTE) && sessions.some((w) => w.start === 12 * MINUTE && w.end === 13 * MINUTE);
      },
    },
    {
      title: "A late event bridges them",
      instruction: "Send one more alice event at 7:00 and play half a second.",
      notice: "7:00 is within 5 minutes of both sessions, so they merge into one session [0:00, 13:00] with five events; the two old results are replaced.",
      actions: [sendAt(7 * MINUTE, "alice", "tap"), READ],
      done: (state) => liveWindows(state, "alice").some((w) => w.start <= 0 && w.end >= 13 * MINUTE),
    },
  ],
  challenge: {
    goal: "Make alice's activity from 0:00 to 13:00 a single session.",
    hint: "Sessions merge when activity falls within the gap of both. You can add activity or change the gap.",
    check(state) {
      const app = activeApp(state);
      if (!app) return notYet("The stream app is missing.");
      const live = liveWindows(state, "alice");
      const whole = live.find((w) => w.start <= 0 && w.end >= 13 * MINUTE);
      if (whole) return met(`alice has one session [${at(whole.start)}, ${at(whole.end)}] with ${whole.count} events.`);
      if (live.length === 0) return notYet("No session for alice yet: send her activity and play time.");
      return notYet(`alice has ${plural(live.length, "session")}: ${live.map((w) => `[${at(w.start)}, ${at(w.end)}]`).join(", ")}.`);
    },
  },
};

export const lateData: LabScenario = {
  ...scenarioMeta(LATE_DATA_GRACE),
  topic: "readings",
  group: null,
  controls: ["produce", "windows"],
  setup: windowedAppSetup("readings", 1, { window: { kind: "tumbling", sizeMs: 10 * MINUTE, graceMs: 2 * MINUTE }, emit: "final" }),
  steps: [
    {
      title: "In-order readings",
      instruction: "Send readings at 1:00, 9:00 and 11:00 (event time) and play half a second.",
      notice: "Stream time is the highest event time seen: 11:00. The window [0:00, 10:00) stays open until stream time reaches 10:00 plus the 2-minute grace.",
      actions: [sendAt(1 * MINUTE, "sensor-1", "21.5"), sendAt(9 * MINUTE, "sensor-1", "21.6"), sendAt(11 * MINUTE, "sensor-1", "21.8"), READ],
      done: (state) => (activeApp(state)?.processed ?? 0) >= 3 && streamTime(state) >= 11 * MINUTE,
    },
    {
      title: "Late but within grace",
      instruction: "Send a reading from 8:00, then one from 13:00, playing half a second after each.",
      notice: "8:00 arrives at stream time 11:00: 11:00 − 2 min = 9:00 is before the window end, so it still counts. 13:00 then closes [0:00, 10:00) and emit-final outputs its count of 3.",
      actions: [sendAt(8 * MINUTE, "sensor-1", "21.7"), READ, sendAt(13 * MINUTE, "sensor-1", "21.9"), READ],
      // [0:00, 10:00) closed with the late 8:00 reading counted: a final count of 3.
      done: (state) => (activeApp(state)?.outputs ?? []).some((o) => o.final && o.start === 0 && o.end === 10 * MINUTE && (o.count ?? 0) >= 3),
    },
    {
      title: "Too late",
      instruction: "Send a reading from 5:00 and play half a second.",
      notice: "Its window is closed, so Kafka Streams drops it and records why. A longer grace keeps windows open longer, at the cost of later final results.",
      actions: [sendAt(5 * MINUTE, "sensor-1", "21.4"), READ],
      done: (state) => (activeApp(state)?.dropped ?? 0) > 0,
    },
  ],
  challenge: {
    goal: "Count every reading the sensor sent, including the one from 5:00 that arrives after 13:00: no reading dropped as late.",
    hint: "How far behind stream time may a record be and still count?",
    check(state) {
      const app = activeApp(state);
      if (!app) return notYet("The stream app is missing.");
      if (app.dropped > 0) return notYet(`${plural(app.dropped, "reading")} dropped as too late (its window had closed). Change the grace period; the app re-reads everything.`);
      const late = app.processed >= 6;
      if (!late) return notYet(`The app has counted ${app.processed} readings; send the whole series (the guided steps do) and play time.`);
      return met(`All ${app.processed} readings counted with a grace period of ${Math.round(app.window.graceMs / SECOND)} s; none dropped.`);
    },
  },
};

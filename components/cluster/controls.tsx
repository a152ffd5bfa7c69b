"use client";

// The lab's controls. Settings that change together (workload, producer, topic) are small forms
// applied with one button, so a half-edited form never reaches the cluster; one-shot actions
// (kill a broker, crash a consumer) are plain buttons. Every control has a visible label.
import { memo, useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ClusterState } from "@/lib/cluster";
import { formatEventTimeShort, parseEventTime } from "@/lib/demos/event-time";
import type { LabAcks, LabAction, LabAssignor, LabConsumerRow, LabState } from "@/lib/demos/lab";
import { formatMs } from "@/lib/format/time";
import { formatRetention } from "./format";

const FIELD = "h-9 w-full rounded-lg border border-border bg-surface px-2.5 text-sm text-text disabled:opacity-60";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-muted";

/** The settings forms' default layout: two columns of fields, the apply button below. */
const FORM_GRID = "grid grid-cols-2 items-end gap-2";

/** A form that applies to the lab in the browser: submitting only calls `onSubmit`, it never loads a page. */
function ControlsForm({ className = FORM_GRID, onSubmit, children }: { className?: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

function Panel({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-2xl border border-border bg-surface p-4" data-testid={testId}>
      <div>
        <h3 id={id} className="font-semibold">
          {title}
        </h3>
        {description ? <p className="mt-0.5 text-xs leading-relaxed text-muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

type Dispatch = (action: LabAction) => void;

// ---------------------------------------------------------------------------------------------
// Produce and workload
// ---------------------------------------------------------------------------------------------

const RATES = [0, 1, 10, 50, 100, 250, 500, 1000, 2000] as const;

export const ProduceControls = memo(function ProduceControls({
  state,
  dispatch,
  defaultKey,
  eventTime,
}: {
  state: LabState;
  dispatch: Dispatch;
  /** The key the scenario's steps use. */
  defaultKey: string;
  /** Offer an event-time field (window demos). */
  eventTime: boolean;
}) {
  const [key, setKey] = useState(defaultKey);
  const [value, setValue] = useState("");
  const [count, setCount] = useState(1);
  const [time, setTime] = useState("");
  const timeId = useId();
  const timeHintId = useId();
  const timeMs = time.trim() === "" ? undefined : parseEventTime(time);
  const timeInvalid = timeMs === null;
  const { workload } = state;
  return (
    <Panel title="Produce" description="Send records by hand, or set a steady workload that runs while time plays." testId="produce-controls">
      <ControlsForm
        className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_4.5rem] items-end gap-2"
        onSubmit={() => {
          if (timeInvalid) return;
          dispatch({ type: "produce", key: key.trim() === "" ? null : key.trim(), ...(value ? { value } : {}), count, ...(timeMs !== undefined ? { timestamp: timeMs } : {}) });
        }}
      >
        <label className={LABEL}>
          Key
          <input className={FIELD} value={key} onChange={(e) => setKey(e.target.value)} placeholder="empty = no key" data-testid="produce-key" />
        </label>
        <label className={LABEL}>
          Value
          <input className={FIELD} value={value} onChange={(e) => setValue(e.target.value)} placeholder="automatic" data-testid="produce-value" />
        </label>
        <label className={LABEL}>
          Count
          <input
            className={FIELD}
            type="number"
            min={1}
            max={1000}
            value={count}
            onChange={(e) => setCount(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
            data-testid="produce-count"
          />
        </label>
        {eventTime ? (
          <div className="col-span-3 flex flex-col gap-1">
            <label htmlFor={timeId} className="text-xs font-medium text-muted">
              Event time (m:ss)
            </label>
            <input
              id={timeId}
              className={cn(FIELD, "max-w-40 font-mono", timeInvalid && "border-bad")}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              placeholder="e.g. 0:40"
              inputMode="decimal"
              aria-invalid={timeInvalid}
              aria-describedby={timeHintId}
              data-testid="produce-time"
            />
            <p id={timeHintId} className={cn("text-xs", timeInvalid ? "text-bad" : "text-muted")}>
              {timeInvalid ? "Write minutes and seconds since the demo's start, like 0:40, 12:00 or 0:59.999." : "When the event happened, as the steps write it; empty means now."}
            </p>
          </div>
        ) : null}
        <Button type="submit" size="sm" variant="secondary" className="col-span-3 justify-self-start" disabled={timeInvalid} data-testid="produce-send">
          Send {count === 1 ? "record" : `${count} records`}
          {eventTime && timeMs !== undefined && timeMs !== null ? ` at ${formatEventTimeShort(timeMs)}` : ""}
        </Button>
      </ControlsForm>
      <WorkloadForm key={`${workload.ratePerSec}:${workload.keySkew}:${workload.keyCount}`} state={state} dispatch={dispatch} />
    </Panel>
  );
});

function WorkloadForm({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const { workload } = state;
  const [rate, setRate] = useState(workload.ratePerSec);
  const [skew, setSkew] = useState(Math.round(workload.keySkew * 100));
  const [keyCount, setKeyCount] = useState(workload.keyCount);
  const rates = RATES.includes(rate as (typeof RATES)[number]) ? RATES : [...RATES, rate].sort((a, b) => a - b);
  const changed = rate !== workload.ratePerSec || skew !== Math.round(workload.keySkew * 100) || keyCount !== workload.keyCount;
  return (
    <ControlsForm className="grid grid-cols-2 items-end gap-2 border-t border-border pt-3" onSubmit={() => dispatch({ type: "setWorkload", ratePerSec: rate, keySkew: skew / 100, keyCount })}>
      <label className={LABEL}>
        Rate (records/s)
        <select className={FIELD} value={rate} onChange={(e) => setRate(Number(e.target.value))} data-testid="workload-rate">
          {rates.map((r) => (
            <option key={r} value={r}>
              {r === 0 ? "off" : r.toLocaleString("en-US")}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        Distinct keys
        <input className={FIELD} type="number" min={1} max={10000} value={keyCount} onChange={(e) => setKeyCount(Math.max(1, Math.min(10000, Number(e.target.value) || 1)))} data-testid="workload-keys" />
      </label>
      <label className={cn(LABEL, "col-span-2")}>
        <span className="flex justify-between">
          <span>Share on the hot key ({workload.hotKey})</span>
          <span className="font-mono tabular-nums text-text">{skew}%</span>
        </span>
        <input type="range" min={0} max={100} step={5} value={skew} onChange={(e) => setSkew(Number(e.target.value))} className="accent-[var(--accent)]" data-testid="workload-skew" />
      </label>
      <Button type="submit" size="sm" variant={changed ? "primary" : "secondary"} className="col-span-2 justify-self-start" data-testid="workload-apply">
        Apply workload
      </Button>
    </ControlsForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Producer settings
// ---------------------------------------------------------------------------------------------

export const ProducerControls = memo(function ProducerControls({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const { producer } = state;
  const pending = state.cluster.producers[producer.client]?.loseResponses ?? 0;
  const hintId = useId();
  return (
    <Panel title="Producer" description="Applying starts a new producer client with these settings, as restarting your application would." testId="producer-controls">
      <ProducerForm key={`${producer.acks}:${producer.idempotence}:${producer.retries}:${producer.generation}`} state={state} dispatch={dispatch} />
      <div className="flex flex-col gap-2 border-t border-border pt-3">
        <p id={hintId} className="text-xs leading-relaxed text-muted">
          A network fault: the broker writes the next request, but its acknowledgement never reaches the producer, which sends it again after
          request.timeout.ms.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "dropAcks", count: 1 })} aria-describedby={hintId} data-testid="drop-ack">
            Lose the next acknowledgement
          </Button>
          <span role="status" className="text-xs text-warn tabular-nums" data-testid="acks-to-lose">
            {pending > 0 ? `${pending === 1 ? "1 acknowledgement" : `${pending} acknowledgements`} will be lost` : ""}
          </span>
        </div>
      </div>
    </Panel>
  );
});

function ProducerForm({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const { producer } = state;
  const [acks, setAcks] = useState<LabAcks>(producer.acks);
  const [idempotence, setIdempotence] = useState(producer.idempotence);
  const [retries, setRetries] = useState(producer.retries);
  const conflict = idempotence && acks !== "all";
  const changed = acks !== producer.acks || idempotence !== producer.idempotence || retries !== producer.retries;
  return (
    <ControlsForm onSubmit={() => dispatch({ type: "setProducer", acks, idempotence, retries })}>
      <label className={LABEL}>
        acks
        <select className={FIELD} value={acks} onChange={(e) => setAcks(e.target.value as LabAcks)} data-testid="producer-acks">
          <option value="0">0 — don&apos;t wait</option>
          <option value="1">1 — leader only</option>
          <option value="all">all — every in-sync replica</option>
        </select>
      </label>
      <label className={LABEL}>
        retries
        <select className={FIELD} value={retries} onChange={(e) => setRetries(Number(e.target.value))} data-testid="producer-retries">
          {[...new Set([0, 3, 2147483647, retries])].sort((a, b) => a - b).map((r) => (
            <option key={r} value={r}>
              {r === 2147483647 ? "MAX_INT" : r}
            </option>
          ))}
        </select>
      </label>
      <label className="col-span-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={idempotence} onChange={(e) => setIdempotence(e.target.checked)} className="h-4 w-4 accent-[var(--accent)]" data-testid="producer-idempotence" />
        enable.idempotence
      </label>
      {conflict ? (
        <p className="col-span-2 rounded-md bg-warn-soft px-2 py-1.5 text-xs text-warn">
          Idempotence needs acks=all; Kafka refuses this combination when you set both explicitly.
        </p>
      ) : null}
      <Button type="submit" size="sm" variant={changed ? "primary" : "secondary"} className="col-span-2 justify-self-start" data-testid="producer-apply">
        Apply producer settings
      </Button>
    </ControlsForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Topic settings
// ---------------------------------------------------------------------------------------------

const RETENTIONS = [60_000, 600_000, 3_600_000, 86_400_000, 604_800_000, -1] as const;

function topicSettings(cluster: ClusterState, topic: string) {
  const t = cluster.topics[topic];
  if (!t) return null;
  return {
    partitions: t.partitions.length,
    replicationFactor: t.partitions[0]?.replicas.length ?? 1,
    minInsyncReplicas: t.config.minInsyncReplicas,
    retentionMs: t.config.retentionMs,
    uncleanLeaderElection: t.config.uncleanLeaderElectionEnable,
  };
}

export const TopicControls = memo(function TopicControls({ state, topic, dispatch }: { state: LabState; topic: string; dispatch: Dispatch }) {
  const current = topicSettings(state.cluster, topic);
  return (
    <Panel title={`Topic ${topic}`} description="Changes apply to the running topic, as kafka-topics --alter and kafka-configs would." testId="topic-controls">
      {current ? <TopicForm key={JSON.stringify(current)} current={current} brokers={Object.keys(state.cluster.brokers).length} dispatch={dispatch} /> : <p className="text-sm text-muted">The topic does not exist yet.</p>}
    </Panel>
  );
});

function TopicForm({ current, brokers, dispatch }: { current: NonNullable<ReturnType<typeof topicSettings>>; brokers: number; dispatch: Dispatch }) {
  const [draft, setDraft] = useState(current);
  const hintId = useId();
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const retentions = RETENTIONS.includes(draft.retentionMs as (typeof RETENTIONS)[number]) ? RETENTIONS : [...RETENTIONS, draft.retentionMs];
  const changes = (Object.keys(draft) as (keyof typeof draft)[]).filter((key) => draft[key] !== current[key]);
  // Replication factor and min.insync.replicas both range over 1…brokers.
  const brokerCounts = Array.from({ length: brokers }, (_, i) => (
    <option key={i + 1} value={i + 1}>
      {i + 1}
    </option>
  ));
  return (
    <ControlsForm
      onSubmit={() => {
        if (changes.length === 0) return;
        dispatch({ type: "setTopic", ...Object.fromEntries(changes.map((key) => [key, draft[key]])) });
      }}
    >
      <label className={LABEL}>
        Partitions
        <input
          className={FIELD}
          type="number"
          min={current.partitions}
          max={24}
          value={draft.partitions}
          onChange={(e) => set("partitions", Math.max(current.partitions, Math.min(24, Number(e.target.value) || current.partitions)))}
          aria-describedby={hintId}
          data-testid="topic-partitions"
        />
      </label>
      <label className={LABEL}>
        Replication factor
        <select className={FIELD} value={draft.replicationFactor} onChange={(e) => set("replicationFactor", Number(e.target.value))} data-testid="topic-rf">
          {brokerCounts}
        </select>
      </label>
      <label className={LABEL}>
        min.insync.replicas
        <select className={FIELD} value={draft.minInsyncReplicas} onChange={(e) => set("minInsyncReplicas", Number(e.target.value))} data-testid="topic-min-isr">
          {brokerCounts}
        </select>
      </label>
      <label className={LABEL}>
        retention.ms
        <select className={FIELD} value={draft.retentionMs} onChange={(e) => set("retentionMs", Number(e.target.value))} data-testid="topic-retention">
          {retentions.map((ms) => (
            <option key={ms} value={ms}>
              {formatRetention(ms)}
            </option>
          ))}
        </select>
      </label>
      <label className="col-span-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.uncleanLeaderElection} onChange={(e) => set("uncleanLeaderElection", e.target.checked)} className="h-4 w-4 accent-[var(--accent)]" data-testid="topic-unclean" />
        unclean.leader.election.enable
      </label>
      <p id={hintId} className="col-span-2 text-xs leading-relaxed text-muted">
        Partitions can only be added: Kafka cannot merge a partition&apos;s log into another, and adding partitions changes which partition a key
        hashes to.
      </p>
      <Button type="submit" size="sm" variant={changes.length > 0 ? "primary" : "secondary"} disabled={changes.length === 0} className="col-span-2 justify-self-start" data-testid="topic-apply">
        Apply topic changes
      </Button>
    </ControlsForm>
  );
}

// ---------------------------------------------------------------------------------------------
// Brokers
// ---------------------------------------------------------------------------------------------

export const BrokerControls = memo(function BrokerControls({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const { cluster } = state;
  const brokers = Object.values(cluster.brokers).sort((a, b) => a.id - b.id);
  const leads = (id: number) =>
    Object.values(cluster.topics).flatMap((topic) => topic.partitions.filter((p) => p.leader === id).map((p) => `${topic.name}-${p.index}`));
  return (
    <Panel title="Brokers" description="Killing a broker crashes it; the controller notices after broker.session.timeout.ms (9 s) and moves leadership." testId="broker-controls">
      <ul className="flex flex-col gap-2">
        {brokers.map((broker) => {
          const online = broker.status === "online";
          const led = leads(broker.id);
          return (
            <li key={broker.id} className="flex items-center gap-3 rounded-lg border border-border px-3 py-2" data-testid={`broker-row-${broker.id}`}>
              <span aria-hidden="true" className={cn("h-2.5 w-2.5 shrink-0 rounded-full", online ? "bg-good" : "bg-bad")} />
              <span className="min-w-0 flex-1 text-sm">
                <span className="font-medium">Broker {broker.id}</span>
                <span className="block truncate text-xs text-muted">{online ? (led.length ? `leads ${led.join(", ")}` : "leads nothing") : broker.status}</span>
              </span>
              {online ? (
                <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "killBroker", broker: broker.id })} aria-label={`Kill broker ${broker.id}`} data-testid={`kill-broker-${broker.id}`}>
                  Kill
                </Button>
              ) : (
                <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "restartBroker", broker: broker.id })} aria-label={`Restart broker ${broker.id}`} data-testid={`restart-broker-${broker.id}`}>
                  Restart
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
});

// ---------------------------------------------------------------------------------------------
// Consumers and assignor
// ---------------------------------------------------------------------------------------------

const ASSIGNORS: { value: LabAssignor; label: string }[] = [
  { value: "range", label: "range" },
  { value: "roundrobin", label: "round-robin" },
  { value: "sticky", label: "sticky" },
  { value: "cooperative-sticky", label: "cooperative-sticky" },
];

const STATUS_TEXT: Record<LabConsumerRow["status"], string> = { running: "reading", slow: "slow", crashed: "crashed", idle: "idle — no partition" };

export const ConsumerControls = memo(function ConsumerControls({
  state,
  rows,
  group,
  showAssignor,
  dispatch,
}: {
  state: LabState;
  rows: LabConsumerRow[];
  group: string | null;
  showAssignor: boolean;
  dispatch: Dispatch;
}) {
  const assignorId = useId();
  const [groupName, setGroupName] = useState(group ?? "");
  const target = groupName.trim() || group;
  return (
    <Panel title={group ? `Consumer group ${group}` : "Consumers"} description="A partition is read by one member of a group at a time; members beyond the partition count wait idle." testId="consumer-controls">
      <ControlsForm className="flex flex-wrap items-end gap-2" onSubmit={() => dispatch({ type: "addConsumer", ...(target ? { group: target } : {}) })}>
        <label className={cn(LABEL, "w-36")}>
          Group
          <input className={FIELD} value={groupName} onChange={(e) => setGroupName(e.target.value)} placeholder={group ?? "lab"} data-testid="consumer-group" />
        </label>
        <Button type="submit" size="sm" data-testid="add-consumer">
          Add consumer
        </Button>
        {showAssignor ? (
          <label htmlFor={assignorId} className="ml-auto flex items-center gap-2 text-xs font-medium text-muted">
            Assignor
            <select id={assignorId} className={cn(FIELD, "w-auto")} value={state.assignor} onChange={(e) => dispatch({ type: "setAssignor", strategy: e.target.value as LabAssignor })} data-testid="assignor">
              {ASSIGNORS.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </ControlsForm>
      {target && target !== group ? (
        <p className="-mt-1 text-xs text-muted">A new group has no committed offsets: its first consumer starts at the oldest record still kept.</p>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-muted">No consumers yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {rows.map((row) => (
          <li
            key={row.consumer}
            className={cn("rounded-lg border px-3 py-2", row.status === "idle" ? "border-dashed border-muted/60 bg-surface-2" : row.status === "crashed" ? "border-bad/40 bg-bad-soft" : "border-border")}
            data-testid="consumer-row"
            data-consumer={row.consumer}
            data-status={row.status}
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-mono text-sm font-medium">{row.consumer}</span>
              {row.group !== group ? <span className="rounded bg-surface-2 px-1.5 py-px font-mono text-[0.7rem] text-muted">group {row.group}</span> : null}
              <span className={cn("text-xs", row.status === "idle" ? "font-semibold text-warn" : row.status === "crashed" ? "text-bad" : row.status === "slow" ? "text-warn" : "text-muted")}>{STATUS_TEXT[row.status]}</span>
              <span className="ml-auto flex gap-1">
                {row.status !== "crashed" ? (
                  <>
                    <Button
                      size="sm"
                      variant="ghost"
                      className="h-7 px-2"
                      aria-pressed={row.status === "slow"}
                      onClick={() => dispatch({ type: "slowConsumer", consumer: row.consumer, slow: row.status !== "slow" })}
                      aria-label={`${row.status === "slow" ? "Speed up" : "Slow down"} ${row.consumer}`}
                    >
                      {row.status === "slow" ? "Speed up" : "Slow"}
                    </Button>
                    <Button size="sm" variant="ghost" className="h-7 px-2" onClick={() => dispatch({ type: "crashConsumer", consumer: row.consumer })} aria-label={`Crash ${row.consumer}`}>
                      Crash
                    </Button>
                  </>
                ) : null}
                <Button size="sm" variant="ghost" className="h-7 px-2" onClick={() => dispatch({ type: "removeConsumer", consumer: row.consumer })} aria-label={`Remove ${row.consumer}`} data-testid="remove-consumer">
                  Remove
                </Button>
              </span>
            </div>
            <p className="mt-0.5 font-mono text-xs break-words text-muted">{row.partitions.length ? row.partitions.join(", ") : "no partitions assigned"}</p>
          </li>
        ))}
      </ul>
    </Panel>
  );
});

// ---------------------------------------------------------------------------------------------
// Transactions (the read-process-write app)
// ---------------------------------------------------------------------------------------------

export const TransactionControls = memo(function TransactionControls({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const { transactions, cluster } = state;
  const seen = (consumer: string) => cluster.consumers[consumer]?.processedCount ?? 0;
  const cell = "rounded-xl bg-surface-2 px-3 py-2";
  return (
    <Panel
      title="Transactional app"
      description="Each round turns the orders its consumer has read into invoices, adds its input offsets to the transaction, then commits or aborts it."
      testId="transaction-controls"
    >
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => dispatch({ type: "transaction", outcome: "commit" })} data-testid="tx-commit">
          Run and commit
        </Button>
        <Button size="sm" variant="secondary" onClick={() => dispatch({ type: "transaction", outcome: "abort" })} data-testid="tx-abort">
          Run and abort
        </Button>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div className={cell}>
          <dt className="text-xs text-muted">committed / aborted</dt>
          <dd className="font-semibold tabular-nums" data-testid="tx-counts">
            {transactions.committed} / {transactions.aborted}
          </dd>
        </div>
        <div className={cell}>
          <dt className="text-xs text-muted">invoices seen: read_committed / read_uncommitted</dt>
          <dd className="font-semibold tabular-nums">
            {seen("auditor-committed")} / {seen("auditor-uncommitted")}
          </dd>
        </div>
      </dl>
    </Panel>
  );
});

// ---------------------------------------------------------------------------------------------
// Windows (the stream app)
// ---------------------------------------------------------------------------------------------

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const SIZES = [10 * SECOND_MS, 30 * SECOND_MS, MINUTE_MS, 2 * MINUTE_MS, 5 * MINUTE_MS, 10 * MINUTE_MS];
const GRACES = [0, 30 * SECOND_MS, MINUTE_MS, 2 * MINUTE_MS, 3 * MINUTE_MS, 5 * MINUTE_MS, 10 * MINUTE_MS];
const GAPS = [MINUTE_MS, 2 * MINUTE_MS, 5 * MINUTE_MS, 10 * MINUTE_MS, 15 * MINUTE_MS];

/** The preset durations, plus the current value when it is not one of them. */
const withCurrent = (presets: number[], current: number) => (presets.includes(current) ? presets : [...presets, current].sort((a, b) => a - b));

export const WindowControls = memo(function WindowControls({ state, dispatch }: { state: LabState; dispatch: Dispatch }) {
  const app = state.streamApp ? state.cluster.streams[state.streamApp] : undefined;
  return (
    <Panel title="Windows" description="Applying restarts the stream app with the new windows; it re-reads the topic from the start." testId="window-controls">
      {app ? <WindowForm key={`${app.id}`} window={app.window} dispatch={dispatch} /> : <p className="text-sm text-muted">No stream app is running.</p>}
    </Panel>
  );
});

function WindowForm({ window: current, dispatch }: { window: ClusterState["streams"][string]["window"]; dispatch: Dispatch }) {
  const session = current.kind === "session";
  const [size, setSize] = useState(current.sizeMs);
  const [advance, setAdvance] = useState(current.advanceMs);
  const [grace, setGrace] = useState(current.graceMs);
  const [gap, setGap] = useState(current.gapMs);
  const changed = session ? gap !== current.gapMs || grace !== current.graceMs : size !== current.sizeMs || advance !== current.advanceMs || grace !== current.graceMs;
  const kind = session ? "session" : advance < size ? "hopping" : "tumbling";
  const options = (values: number[]) =>
    values.map((ms) => (
      <option key={ms} value={ms}>
        {ms === 0 ? "none" : formatMs(ms)}
      </option>
    ));
  return (
    <ControlsForm
      onSubmit={() => {
        if (!changed) return;
        dispatch(session ? { type: "setWindow", gapMs: gap, graceMs: grace } : { type: "setWindow", sizeMs: size, advanceMs: Math.min(advance, size), graceMs: grace });
      }}
    >
      {session ? (
        <label className={LABEL}>
          Inactivity gap
          <select className={FIELD} value={gap} onChange={(e) => setGap(Number(e.target.value))} data-testid="window-gap">
            {options(withCurrent(GAPS, current.gapMs))}
          </select>
        </label>
      ) : (
        <>
          <label className={LABEL}>
            Window size
            <select
              className={FIELD}
              value={size}
              onChange={(e) => {
                const next = Number(e.target.value);
                setSize(next);
                if (advance >= size || advance > next) setAdvance(next);
              }}
              data-testid="window-size"
            >
              {options(withCurrent(SIZES, current.sizeMs))}
            </select>
          </label>
          <label className={LABEL}>
            A new window every
            <select className={FIELD} value={Math.min(advance, size)} onChange={(e) => setAdvance(Number(e.target.value))} data-testid="window-advance">
              {options(withCurrent(SIZES, current.advanceMs).filter((ms) => ms <= size))}
            </select>
          </label>
        </>
      )}
      <label className={LABEL}>
        Grace period
        <select className={FIELD} value={grace} onChange={(e) => setGrace(Number(e.target.value))} data-testid="window-grace">
          {options(withCurrent(GRACES, current.graceMs))}
        </select>
      </label>
      <p className="col-span-2 text-xs leading-relaxed text-muted" data-testid="window-kind">
        {kind === "session"
          ? "Session windows: a key's events closer together than the gap form one session."
          : kind === "hopping"
            ? "Hopping windows: they overlap, so an event can count in more than one."
            : "Tumbling windows: back to back, each event counts in exactly one."}
      </p>
      <Button type="submit" size="sm" variant={changed ? "primary" : "secondary"} disabled={!changed} className="col-span-2 justify-self-start" data-testid="window-apply">
        Restart the app with these windows
      </Button>
    </ControlsForm>
  );
}

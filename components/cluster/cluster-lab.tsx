"use client";

// The live mini-cluster: a thin view over the lab model (lib/demos/lab). It draws the cluster,
// offers the scenario's controls, guided steps and challenge, explains what happened, and keeps the
// run in the URL so a link replays it exactly. Used full-page at /demos/<id> and embedded (lazily)
// on question pages.
import Link from "next/link";
import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ClusterState } from "@/lib/cluster";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { formatEventTimeShort } from "@/lib/demos/event-time";
import { challengeProgress, consumerRows, encodeLabRun, labScenarioById, type LabConsumerRow, type LabScenario, type LabState } from "@/lib/demos/lab";
import { BrokerControls, ConsumerControls, ProduceControls, ProducerControls, TopicControls, TransactionControls, WindowControls } from "./controls";
import { ClusterDiagram } from "./diagram";
import { EventLog } from "./event-log";
import { formatClock, formatCount } from "./format";
import { ChallengePanel, GuidedSteps } from "./guide";
import { LagChart } from "./lag-chart";
import type { ConsumerInput, DiagramInput } from "./layout";
import { SPEEDS, type Speed } from "./playback";
import { ToolOutputs } from "./tool-outputs";
import { useChallengeRecord } from "./use-challenge-record";
import { runUrl, useLab, type LabController } from "./use-lab";

export interface ClusterLabProps {
  scenarioId: DemoScenarioId;
  /** `?run=` of a shared link, replayed on open. */
  run?: string | null;
  /** Embedded on a question page: no URL syncing, a link to the full page instead. */
  embedded?: boolean;
  /** When the signed-in user completed this challenge (the browser adds its own record). */
  accountCompletedAt?: string | null;
}

export function ClusterLab({ scenarioId, run = null, embedded = false, accountCompletedAt = null }: ClusterLabProps) {
  const scenario = labScenarioById(scenarioId);
  if (!scenario) {
    return (
      <p className="rounded-2xl border border-border bg-surface p-5 text-sm text-muted" data-testid="cluster-lab-missing">
        This scenario has no live lab yet.
      </p>
    );
  }
  return <LiveLab scenario={scenario} run={run} embedded={embedded} accountCompletedAt={accountCompletedAt} />;
}

/** Every consumer in the drawn groups: the lab's rows, plus any the scenario created directly. */
function diagramConsumers(state: LabState, rows: LabConsumerRow[], groups: string[]): ConsumerInput[] {
  const known = new Set(rows.map((row) => row.consumer));
  const extra = groups.flatMap((groupId) =>
    (state.cluster.groups[groupId]?.members ?? [])
      .filter((id) => !known.has(id) && state.cluster.consumers[id] && state.cluster.consumers[id]!.status !== "closed")
      .map((id): ConsumerInput => {
        const consumer = state.cluster.consumers[id]!;
        const status = consumer.status === "crashed" ? "crashed" : consumer.status === "stalled" ? "slow" : consumer.assignment.length === 0 ? "idle" : "running";
        return { id, group: groupId, status, partitions: consumer.assignment };
      }),
  );
  return [...rows.map((row) => ({ id: row.consumer, group: row.group, status: row.status, partitions: row.partitions })), ...extra];
}

/** The key the scenario's own steps send, so the produce form starts where the steps do. */
function firstProducedKey(scenario: LabScenario): string {
  for (const step of scenario.steps) {
    for (const action of step.actions) if (action.type === "produce" && action.key) return action.key;
  }
  return "customer-1";
}

function drawnGroups(cluster: ClusterState, scenario: LabScenario): string[] {
  const others = Object.keys(cluster.groups).filter((id) => id !== scenario.group).sort();
  return scenario.group ? [scenario.group, ...others] : others;
}

function LiveLab({ scenario, run, embedded, accountCompletedAt }: { scenario: LabScenario; run: string | null; embedded: boolean; accountCompletedAt: string | null }) {
  const lab = useLab(scenario.id, run, { syncUrl: !embedded });
  const { state, dispatch } = lab;
  const record = useChallengeRecord(lab.client, scenario.id, accountCompletedAt);
  const reset = () => {
    lab.setPlaying(false);
    dispatch({ type: "reset" });
  };
  const { cluster } = state;
  // The diagram and the clock follow every step; the panels below follow a deferred copy that React
  // renders in the background and may skip while time runs fast, so they never hold up a frame.
  const panels = useDeferredValue(state);
  const rows = useMemo(() => consumerRows(state), [state]);
  const panelRows = useMemo(() => consumerRows(panels), [panels]);
  const groups = useMemo(() => drawnGroups(cluster, scenario), [cluster, scenario]);
  const input = useMemo<DiagramInput>(() => {
    const topics = [scenario.topic, ...Object.keys(cluster.topics).filter((name) => name !== scenario.topic).sort()];
    const { producer, workload } = state;
    return {
      cluster,
      topics,
      producer: {
        id: producer.client,
        title: producer.client,
        lines: [
          `acks=${producer.acks}`,
          `idempotence ${producer.idempotence ? "on" : "off"}`,
          workload.ratePerSec > 0 ? `${formatCount(workload.ratePerSec)} records/s` : "workload off",
        ],
      },
      consumers: diagramConsumers(state, rows, groups),
      groups,
    };
  }, [cluster, scenario.topic, state, rows, groups]);
  const controls = new Set(scenario.controls);
  const defaultKey = useMemo(() => firstProducedKey(scenario), [scenario]);

  return (
    <div className="@container flex flex-col gap-4" data-testid="cluster-lab" data-scenario={scenario.id} data-now={cluster.now}>
      {lab.start.problem ? (
        <p className="rounded-xl border border-warn/40 bg-warn-soft px-4 py-2.5 text-sm" role="status" data-testid="run-problem">
          <span className="font-medium">That shared run could not be replayed, so the lab starts fresh. </span>
          {lab.start.problem}
        </p>
      ) : null}
      <Toolbar lab={lab} embedded={embedded} scenarioId={scenario.id} onReset={reset} />
      <div role="status" aria-live="polite" className={cn(state.lastError ? "rounded-xl border border-bad/30 bg-bad-soft px-4 py-2.5 text-sm" : "sr-only")} data-testid="lab-error">
        {state.lastError ? (
          <>
            <span className="font-medium text-bad">Not done: </span>
            {state.lastError}
          </>
        ) : null}
      </div>

      <figure className="min-w-0 rounded-2xl border border-border bg-surface p-3">
        {/* On a phone the diagram switches to its stacked layout (layout.ts) instead of shrinking. */}
        <ClusterDiagram input={input} speed={lab.speed} />
        <Legend />
      </figure>
      <div className={cn("grid items-start gap-4", scenario.challenge && "@3xl:grid-cols-2")}>
        <GuidedSteps scenario={scenario} stepIndex={state.stepIndex} doneBy={state.stepsDoneBy} dispatch={dispatch} />
        {scenario.challenge ? (
          <ChallengePanel
            challenge={scenario.challenge}
            status={state.challenge}
            progress={challengeProgress(state)}
            assisted={state.assisted}
            record={record}
            onTryYourself={reset}
          />
        ) : null}
      </div>

      <div className="grid gap-4 @2xl:grid-cols-2 @5xl:grid-cols-3">
        {controls.has("produce") ? <ProduceControls state={panels} dispatch={dispatch} defaultKey={defaultKey} eventTime={controls.has("windows")} /> : null}
        {controls.has("windows") ? <WindowControls state={panels} dispatch={dispatch} /> : null}
        {controls.has("transactions") ? <TransactionControls state={panels} dispatch={dispatch} /> : null}
        {controls.has("producer") ? <ProducerControls state={panels} dispatch={dispatch} /> : null}
        {controls.has("brokers") ? <BrokerControls state={panels} dispatch={dispatch} /> : null}
        {controls.has("consumers") || controls.has("assignor") ? (
          <ConsumerControls state={panels} rows={panelRows} group={scenario.group} showAssignor={controls.has("assignor")} dispatch={dispatch} />
        ) : null}
        {controls.has("topic") ? <TopicControls state={panels} topic={scenario.topic} dispatch={dispatch} /> : null}
      </div>

      <div className="grid gap-4 @4xl:grid-cols-2">
        <EventLog events={panels.cluster.events} notes={panels.notes} />
        <div className="flex flex-col gap-4">
          {scenario.group ? <LagChart series={panels.lagSeries} group={scenario.group} /> : null}
          <DeliveryTally state={panels} />
          <StreamWindows cluster={panels.cluster} />
        </div>
      </div>
      <ToolOutputs cluster={panels.cluster} topic={scenario.topic} group={scenario.group} />
    </div>
  );
}

function Toolbar({ lab, embedded, scenarioId, onReset }: { lab: LabController; embedded: boolean; scenarioId: string; onReset: () => void }) {
  const { state, playing, speed } = lab;
  const speedId = useId();
  const [copied, setCopied] = useState<"idle" | "copied" | "manual">("idle");
  const [manualUrl, setManualUrl] = useState("");
  const manualRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (copied !== "copied") return;
    const timer = window.setTimeout(() => setCopied("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  useEffect(() => {
    if (copied === "manual") manualRef.current?.select();
  }, [copied]);
  const fullPageHref = useMemo(() => `/demos/${scenarioId}?run=${encodeURIComponent(encodeLabRun(state))}`, [scenarioId, state]);

  const copy = async () => {
    const url = embedded ? new URL(fullPageHref, window.location.origin).toString() : runUrl(state);
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setManualUrl(url);
      setCopied("manual");
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-2xl border border-border bg-surface px-3 py-2.5" role="toolbar" aria-label="Time and run" data-testid="lab-toolbar">
      <Button size="sm" onClick={() => lab.setPlaying(!playing)} aria-pressed={playing} data-testid="play-toggle" className="w-24">
        {playing ? (
          <>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
              <rect x="3" y="2" width="3.5" height="12" rx="1" />
              <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
            </svg>
            Pause
          </>
        ) : (
          <>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
              <path d="M4 2.5v11a.8.8 0 0 0 1.2.7l9-5.5a.8.8 0 0 0 0-1.4l-9-5.5A.8.8 0 0 0 4 2.5z" />
            </svg>
            Play
          </>
        )}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => lab.advance(1)} aria-label="Step: advance time by 100 milliseconds" data-testid="step">
        Step
      </Button>
      <Button size="sm" variant="ghost" onClick={() => lab.advance(10)} aria-label="+1 s: advance time by 1 second" data-testid="advance-1s">
        +1 s
      </Button>
      <Button size="sm" variant="ghost" onClick={() => lab.advance(100)} aria-label="+10 s: advance time by 10 seconds" data-testid="advance-10s">
        +10 s
      </Button>
      <label htmlFor={speedId} className="ml-1 flex items-center gap-1.5 text-xs font-medium text-muted">
        Speed
        <select
          id={speedId}
          className="h-8 rounded-lg border border-border bg-surface px-2 text-sm text-text"
          value={speed}
          onChange={(event) => lab.setSpeed(Number(event.target.value) as Speed)}
          data-testid="speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <p className="ml-1 font-mono text-sm tabular-nums" data-testid="lab-clock">
        <span className="sr-only">Simulated time </span>
        <span aria-hidden="true" className="text-muted">
          t ={" "}
        </span>
        {formatClock(state.cluster.now)}
      </p>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <span role="status" aria-live="polite" className="text-xs text-good" data-testid="copy-status">
          {copied === "copied" ? "Link copied" : ""}
        </span>
        <Button size="sm" variant="ghost" onClick={onReset} data-testid="reset">
          Reset
        </Button>
        <Button size="sm" variant="secondary" onClick={() => void copy()} data-testid="copy-link">
          Copy link
        </Button>
        {embedded ? (
          <Link href={fullPageHref} className="text-sm font-medium text-accent hover:underline" data-testid="open-full-page">
            Open full page →
          </Link>
        ) : null}
      </div>
      {copied === "manual" ? (
        <label className="flex w-full flex-col gap-1 text-xs text-muted">
          Copying is blocked here; select the link and copy it yourself:
          <input ref={manualRef} readOnly value={manualUrl} className="h-8 w-full rounded-lg border border-border bg-surface-2 px-2 font-mono text-xs text-text" />
        </label>
      ) : null}
    </div>
  );
}

function Legend() {
  const item = "flex items-center gap-1.5";
  const swatch = "inline-block h-3 w-5 rounded-[3px] border";
  return (
    <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5 px-1 text-xs text-muted">
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-accent bg-accent")} /> leader
      </span>
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-accent bg-accent-soft")} /> follower in sync
      </span>
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-dashed border-warn bg-warn-soft")} /> follower out of the ISR
      </span>
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-dashed border-border bg-surface-2")} /> offline
      </span>
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-transparent bg-accent/45")} /> below the high watermark
      </span>
      <span className={item}>
        <span aria-hidden="true" className={cn(swatch, "border-transparent bg-warn/50")} /> not yet replicated
      </span>
      <span className={item}>
        <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-good" /> committed offset
      </span>
    </figcaption>
  );
}

/** What was acknowledged, lost and duplicated so far: the numbers behind the lab's notes. */
const DeliveryTally = memo(function DeliveryTally({ state }: { state: LabState }) {
  const { durability } = state;
  if (durability.ackedTotal === 0 && durability.lostTotal === 0 && durability.duplicatesWritten === 0 && durability.duplicatesAvoided === 0) return null;
  const cell = "rounded-xl bg-surface-2 px-3 py-2";
  return (
    <section aria-label="Delivery so far" className="grid grid-cols-2 gap-2 rounded-2xl border border-border bg-surface p-3 text-sm @xl:grid-cols-4" data-testid="delivery-tally">
      <p className={cell}>
        <span className="block text-xs text-muted">acknowledged</span>
        <span className="font-semibold tabular-nums">{formatCount(durability.ackedTotal)}</span>
      </p>
      <p className={cn(cell, durability.lostTotal > 0 && "bg-bad-soft text-bad")} data-testid="lost-total">
        <span className="block text-xs text-muted">acknowledged, then lost</span>
        <span className="font-semibold tabular-nums">{formatCount(durability.lostTotal)}</span>
      </p>
      <p className={cell}>
        <span className="block text-xs text-muted">duplicates written</span>
        <span className="font-semibold tabular-nums">{formatCount(durability.duplicatesWritten)}</span>
      </p>
      <p className={cell}>
        <span className="block text-xs text-muted">duplicates discarded</span>
        <span className="font-semibold tabular-nums">{formatCount(durability.duplicatesAvoided)}</span>
      </p>
    </section>
  );
});

/** Stream-processing scenarios: the windows each app has emitted (newest first). */
const StreamWindows = memo(function StreamWindows({ cluster }: { cluster: ClusterState }) {
  const apps = Object.values(cluster.streams);
  if (apps.length === 0) return null;
  return (
    <>
      {apps.map((app) => (
        <section key={app.id} aria-label={`Windows of ${app.id}`} className="rounded-2xl border border-border bg-surface p-4" data-testid="stream-windows">
          <h3 className="font-semibold">
            {app.id}: {app.window.kind} windows
          </h3>
          <p className="mt-0.5 text-xs text-muted">
            {formatCount(app.processed)} records counted, {formatCount(app.dropped)} dropped as too late · emits {app.emit === "final" ? "final results only" : "every update"}
          </p>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th className="py-1 font-medium">Key</th>
                <th className="py-1 font-medium">Window</th>
                <th className="py-1 text-right font-medium">Count</th>
              </tr>
            </thead>
            <tbody className="font-mono text-xs">
              {app.outputs
                .slice(-10)
                .reverse()
                .map((output, index) => (
                  <tr key={index} className="border-t border-border">
                    <td className="py-1">{output.key}</td>
                    <td className="py-1">
                      [{formatEventTimeShort(output.start)}, {formatEventTimeShort(output.end)}
                      {app.window.kind === "session" ? "]" : ")"}
                      {output.final ? " final" : ""}
                    </td>
                    <td className="py-1 text-right">{output.count ?? "deleted"}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {app.drops.length > 0 ? <p className="mt-2 text-xs text-warn">Last drop: {app.drops.at(-1)!.message}</p> : null}
        </section>
      ))}
    </>
  );
});

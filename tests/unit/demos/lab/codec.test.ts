// Determinism, the replay log and the shareable run link: a run is its scenario, seed and actions, and
// playing them again rebuilds the same state; a damaged link is refused with a reason.
import { describe, expect, it } from "vitest";
import { LAB_SCENARIOS, createLab, decodeLabRun, encodeLabRun, labStep, replayLab, type LabAction, type LabState } from "@/lib/demos/lab";
import { MAX_TICK_QUANTA } from "@/lib/demos/lab";
import { fingerprint, play } from "../helpers";

function link(payload: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return "r1." + Buffer.from(bytes).toString("base64url");
}

function decodeError(text: string): string {
  const decoded = decodeLabRun(text);
  expect(decoded.ok).toBe(false);
  return decoded.ok ? "" : decoded.error;
}

const mixedRun: LabAction[] = [
  { type: "tick", quanta: 3 },
  { type: "produce", key: "customer-1", value: "order", count: 2 },
  { type: "tick", quanta: 4 },
  { type: "tick", quanta: 6 },
  { type: "addConsumer" },
  { type: "killBroker", broker: 3 },
  { type: "tick", quanta: 50 },
  { type: "guidedStep", index: 0 },
  { type: "restartBroker", broker: 3 },
  { type: "tick", quanta: 10 },
];

describe("determinism", () => {
  it.each(LAB_SCENARIOS.map((s) => s.id))("%s: replaying the guided run's log rebuilds the same state", (id) => {
    let lab = createLab(id);
    for (let index = 0; index < LAB_SCENARIOS.find((s) => s.id === id)!.steps.length; index++) lab = labStep(lab, { type: "guidedStep", index });
    expect(fingerprint(replayLab(id, lab.seed, lab.actions))).toBe(fingerprint(lab));
  });

  it("replays a mixed run, with rejected actions left out of the log, to the same state", () => {
    let lab = createLab("cluster-tour");
    for (const action of [...mixedRun.slice(0, 6), { type: "killBroker", broker: 3 } as LabAction, ...mixedRun.slice(6)]) lab = labStep(lab, action);
    // The second kill of broker 3 was rejected and is not in the log.
    expect(lab.actions.filter((a) => a.type === "killBroker")).toHaveLength(1);
    const replayed = replayLab("cluster-tour", lab.seed, lab.actions);
    expect(replayed.lastError).toBeNull();
    expect(fingerprint(replayed)).toBe(fingerprint(lab));
    expect(replayed.cluster).toEqual(lab.cluster);
    expect(replayed.durability).toEqual(lab.durability);
    expect(replayed.notes).toEqual(lab.notes);
  });

  it("gives another state for another seed, and the same one for the same seed", () => {
    const a = replayLab("cluster-tour", "seed-a", mixedRun);
    const b = replayLab("cluster-tour", "seed-b", mixedRun);
    expect(a.seed).toBe("seed-a");
    expect(JSON.stringify(a.cluster)).not.toBe(JSON.stringify(b.cluster));
    expect(fingerprint(replayLab("cluster-tour", "seed-a", mixedRun))).toBe(fingerprint(a));
  });

  it("never modifies the state it is given", () => {
    const lab = play(createLab("acks-durability"), [{ type: "tick", quanta: 5 }]);
    const before = JSON.stringify(lab);
    let next = lab;
    for (const action of [{ type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }, { type: "restartBroker", broker: 1 }, { type: "setTopic", partitions: 1 }] as LabAction[]) {
      next = labStep(next, action);
    }
    labStep(lab, { type: "guidedStep", index: 2 });
    expect(next.durability.lostTotal).toBeGreaterThan(0);
    expect(JSON.stringify(lab)).toBe(before);
  });

  it("reset gives the scenario's start on the same seed, with an empty log", () => {
    const lab = play(createLab("consumer-lag", { seed: "mine" }), [{ type: "addConsumer" }, { type: "tick", quanta: 20 }]);
    const reset = labStep(lab, { type: "reset" });
    expect(reset.actions).toEqual([]);
    expect(fingerprint(reset)).toBe(fingerprint(createLab("consumer-lag", { seed: "mine" })));
  });
});

describe("the action log", () => {
  it("coalesces consecutive ticks and keeps everything else in order", () => {
    const lab = play(createLab("cluster-tour"), mixedRun);
    // The ticks of 4 and 6 quanta in a row become one of 10; the rest is the run as played.
    expect(lab.actions).toEqual([...mixedRun.slice(0, 2), { type: "tick", quanta: 10 }, ...mixedRun.slice(4)]);
    // Ticks played one by one are the same time as one long tick.
    const split = play(createLab("cluster-tour"), Array.from({ length: 7 }, (): LabAction => ({ type: "tick", quanta: 1 })));
    expect(split.actions).toEqual([{ type: "tick", quanta: 7 }]);
    expect(fingerprint(split)).toBe(fingerprint(play(createLab("cluster-tour"), [{ type: "tick", quanta: 7 }])));
  });

  it("never coalesces past the longest tick a replay accepts, so long runs stay replayable", () => {
    // time-windows has no workload, so ten simulated minutes are cheap.
    const lab = play(createLab("time-windows"), [
      { type: "tick", quanta: MAX_TICK_QUANTA },
      { type: "tick", quanta: MAX_TICK_QUANTA },
      { type: "tick", quanta: 1 },
    ]);
    expect(lab.actions.every((a) => a.type === "tick" && a.quanta <= MAX_TICK_QUANTA)).toBe(true);
    expect(lab.actions.reduce((n, a) => n + (a.type === "tick" ? a.quanta : 0), 0)).toBe(2 * MAX_TICK_QUANTA + 1);
    const replayed = replayLab("time-windows", lab.seed, lab.actions);
    expect(replayed.lastError).toBeNull();
    expect(replayed.cluster.now).toBe(lab.cluster.now);
  });
});

describe("encodeLabRun / decodeLabRun", () => {
  it("round-trips the scenario, the seed and the actions, and the decoded run replays to the same state", () => {
    const lab = play(createLab("cluster-tour", { seed: "shared-seed" }), [...mixedRun, { type: "produce", key: "ключ-🔑", value: "naïve / ünïcode + ?&=" }]);
    const text = encodeLabRun(lab);
    expect(text).toMatch(/^r1\.[A-Za-z0-9_-]+$/);
    const decoded = decodeLabRun(text);
    expect(decoded).toEqual({ ok: true, scenarioId: "cluster-tour", seed: "shared-seed", actions: lab.actions });
    if (!decoded.ok) return;
    expect(fingerprint(replayLab(decoded.scenarioId, decoded.seed, decoded.actions))).toBe(fingerprint(lab));
  });

  it("round-trips a fresh lab as an empty run", () => {
    expect(decodeLabRun(encodeLabRun(createLab("min-isr")))).toEqual({ ok: true, scenarioId: "min-isr", seed: "lab-min-isr", actions: [] });
  });

  it("refuses an empty, foreign or mangled link and says why", () => {
    expect(decodeError("")).toMatch(/empty/);
    expect(decodeError("https://example.com/?run=abc")).toMatch(/not a lab run link: it should start with 'r1\.'/);
    expect(decodeError("r1.abc$def")).toMatch(/characters that base64url does not use/);
    expect(decodeError("r1." + Buffer.from("{not json").toString("base64url"))).toMatch(/could not be read back/);
    expect(decodeError("r1." + Buffer.from([0xff, 0xfe, 0x00]).toString("base64url"))).toMatch(/could not be read back/);
    // A real link cut short when copied.
    const text = encodeLabRun(play(createLab("cluster-tour"), mixedRun));
    expect(decodeError(text.slice(0, Math.floor(text.length / 2)))).toMatch(/could not be read back/);
  });

  it("refuses an oversized link or action list", () => {
    expect(decodeError("r1." + "A".repeat(200_001))).toMatch(/too long \(200004 characters; at most 200000\)/);
    const many = Array.from({ length: 5001 }, () => ({ type: "addConsumer" }));
    expect(decodeError(link({ s: "cluster-tour", seed: "x", a: many }))).toMatch(/has 5001 actions; a lab run keeps at most 5000/);
  });

  it("refuses JSON that is not a run, or names a scenario that does not exist", () => {
    expect(decodeError(link({ hello: "world" }))).toMatch(/does not describe a lab run/);
    expect(decodeError(link({ s: "cluster-tour", seed: "", a: [] }))).toMatch(/does not describe a lab run/);
    expect(decodeError(link({ s: "kafka-on-mars", seed: "x", a: [] }))).toMatch(/names a scenario that does not exist: 'kafka-on-mars'/);
  });

  it("refuses an invalid action and names it, its position and the field", () => {
    const run = (a: unknown[]) => link({ s: "cluster-tour", seed: "x", a });
    expect(decodeError(run([{ type: "tick", quanta: 2 }, { type: "tick", quanta: -1 }]))).toMatch(/^Action 2 of the run link, 'tick', is not a valid lab action \(field quanta\)\.$/);
    expect(decodeError(run([{ type: "setProducer", acks: "2", idempotence: true, retries: 1 }]))).toMatch(/Action 1 .*'setProducer'.*\(field acks\)/);
    expect(decodeError(run([{ type: "format-disk" }]))).toMatch(/Action 1 of the run link, 'format-disk', is not a valid lab action/);
    expect(decodeError(run([{ quanta: 3 }]))).toMatch(/Action 1 of the run link, without a type, is not a valid lab action/);
    expect(decodeError(run([null]))).toMatch(/without a type/);
  });
});

it("a decoded run with a now-invalid action replays with that error, never a throw", () => {
  // The link's shape is valid; that broker 9 does not exist is the lab's to say.
  const decoded = decodeLabRun(link({ s: "cluster-tour", seed: "x", a: [{ type: "killBroker", broker: 9 }] }));
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  const state: LabState = replayLab(decoded.scenarioId, decoded.seed, decoded.actions);
  expect(state.lastError).toMatch(/There is no broker 9/);
  expect(state.actions).toEqual([]);
});

// Guided steps recognise the state they ask for, whoever made it: the learner's own controls tick a
// step off just as "Do it for me" does, half-done work does not, and a run in which the lab did a step
// can reach the challenge's conditions but never completes the challenge.
import { describe, expect, it } from "vitest";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { LAB_SCENARIOS, challengeProgress, createLab, decodeLabRun, encodeLabRun, labStep, replayLab, type LabAction, type LabState } from "@/lib/demos/lab";
import { byHand, guided, play, scenario, stepActions } from "../helpers";

const SECOND_QUANTA = 10;
const plusOneSecond: LabAction = { type: "tick", quanta: SECOND_QUANTA };
const run = (id: DemoScenarioId, actions: LabAction[]) => play(createLab(id), actions);

describe.each(LAB_SCENARIOS.map((s) => [s.id, s] as const))("%s", (id, s) => {
  it("can be followed entirely by hand: every step ticks off, each done by you", () => {
    let lab = createLab(id);
    for (const [index, step] of s.steps.entries()) {
      expect(lab.stepIndex, `before step ${index}`).toBe(index);
      lab = play(lab, step.actions);
      expect(lab.stepIndex, `after step ${index}`).toBe(index + 1);
    }
    expect(lab.stepsDoneBy).toEqual(s.steps.map(() => "you"));
    expect(lab.assisted).toBe(false);
    expect(lab.actions.some((a) => a.type === "guidedStep")).toBe(false);
  });

  it("ticks nothing off at the start, nor after a guided step whose state is undone by a reset", () => {
    expect(s.steps[0]!.done(createLab(id), createLab(id).stepStartedAt)).toBe(false);
    const reset = play(guided(id, 1), [{ type: "reset" }]);
    expect(reset.stepIndex).toBe(0);
    expect(reset.stepsDoneBy).toEqual([]);
    expect(reset.assisted).toBe(false);
  });

  it.runIf(s.challenge)("never completes the challenge through 'Do it for me', even with time played afterwards", () => {
    let lab = guided(id);
    for (let i = 0; i < 6; i++) {
      lab = play(lab, [{ type: "tick", quanta: 100 }]);
      expect(challengeProgress(lab)).not.toBe("complete");
    }
    expect(lab.assisted).toBe(true);
  });
});

describe("the learner's own controls", () => {
  it("cluster-tour: three customer-1 orders and a second of play tick step 1 off, and step 2 comes up", () => {
    let lab = run("cluster-tour", [{ type: "produce", key: "customer-1", count: 3 }]);
    // Sent, but not yet replicated below the high watermark: nothing for the consumer to read yet.
    expect(lab.stepIndex).toBe(0);
    lab = play(lab, [plusOneSecond]);
    expect(lab.stepIndex).toBe(1);
    expect(lab.stepsDoneBy).toEqual(["you"]);
    expect(lab.stepStartedAt).toBe(lab.cluster.now);
  });

  it("cluster-tour: two orders are not three, and other keys do not count", () => {
    expect(run("cluster-tour", [{ type: "produce", key: "customer-1", count: 2 }, plusOneSecond]).stepIndex).toBe(0);
    expect(run("cluster-tour", [{ type: "produce", key: "customer-2", count: 3 }, plusOneSecond]).stepIndex).toBe(0);
  });

  it("cluster-tour: a crash counts once the controller has noticed it, and only for the broker the step names", () => {
    const shared = byHand("cluster-tour", 2);
    const early = play(shared, [{ type: "killBroker", broker: 2 }, { type: "tick", quanta: 50 }]);
    expect(early.stepIndex).toBe(2);
    expect(play(early, [{ type: "tick", quanta: 50 }]).stepIndex).toBe(3);
    expect(play(shared, [{ type: "killBroker", broker: 3 }, { type: "tick", quanta: 100 }]).stepIndex).toBe(2);
    // Restarted but not yet back in every ISR: the step waits for the rejoin its notice describes.
    const down = byHand("cluster-tour", 3);
    const restarted = play(down, [{ type: "restartBroker", broker: 2 }]);
    expect(restarted.stepIndex).toBe(3);
    expect(play(restarted, [{ type: "tick", quanta: 20 }]).stepIndex).toBe(4);
  });

  it("recognises a later step's state made early, as soon as the steps before it are done", () => {
    // The second consumer first, then step 1's orders: both steps tick off with the same action.
    let lab = run("cluster-tour", [{ type: "addConsumer" }]);
    expect(lab.stepIndex).toBe(0);
    lab = play(lab, [{ type: "produce", key: "customer-1", count: 3 }, plusOneSecond]);
    expect(lab.stepIndex).toBe(2);
    expect(lab.stepsDoneBy).toEqual(["you", "you"]);
  });

  it("mixes 'Do it for me' and the learner's own moves, and says who did which", () => {
    const lab = play(createLab("cluster-tour"), [{ type: "guidedStep", index: 0 }, { type: "addConsumer" }]);
    expect(lab.stepIndex).toBe(2);
    expect(lab.stepsDoneBy).toEqual(["lab", "you"]);
    expect(lab.assisted).toBe(true);
  });

  it("a 'play N seconds' step counts time from when it became the current step, not the warm-up", () => {
    const start = createLab("consumer-group-scaling");
    expect(start.cluster.now).toBe(3000);
    const twoSeconds = play(start, [plusOneSecond, plusOneSecond]);
    expect(twoSeconds.stepIndex).toBe(0);
    const threeSeconds = play(twoSeconds, [plusOneSecond]);
    expect(threeSeconds.stepIndex).toBe(1);
    expect(threeSeconds.stepStartedAt).toBe(6000);
  });

  it("key-partitioning: the step asks for six partitions; keys move once keyed traffic follows", () => {
    const sent = byHand("key-partitioning", 1);
    expect(play(sent, [{ type: "setTopic", partitions: 4 }]).stepIndex).toBe(1);
    const grown = play(sent, [{ type: "setTopic", partitions: 6 }]);
    expect(grown.stepIndex).toBe(2);
    expect(play(grown, [{ type: "tick", quanta: 1 }]).stepIndex).toBe(2);
    expect(play(grown, [{ type: "tick", quanta: 50 }]).stepIndex).toBe(3);
  });

  it("retention-replay: any new group name replays; the late group is one that starts past offset 0", () => {
    const lab = play(byHand("retention-replay", 1), [{ type: "addConsumer", group: "replay" }]);
    expect(lab.stepIndex).toBe(2);
    const late = play(byHand("retention-replay", 3), [{ type: "addConsumer", group: "latecomers" }]);
    expect(late.stepIndex).toBe(3);
    expect(play(late, [plusOneSecond]).stepIndex).toBe(4);
  });

  it("consumer-lag: the hot-key step wants half the traffic on one key", () => {
    const lab = byHand("consumer-lag", 3);
    expect(play(lab, [{ type: "setWorkload", ratePerSec: 600, keySkew: 0.25 }]).stepIndex).toBe(3);
    expect(play(lab, [{ type: "setWorkload", ratePerSec: 600, keySkew: 0.5 }]).stepIndex).toBe(4);
  });

  it("acks-durability: the first crash must happen under acks=1, as the step asks", () => {
    const safe = run("acks-durability", [{ type: "setProducer", acks: "all", idempotence: true, retries: 2147483647 }, { type: "killBroker", broker: 1 }, { type: "tick", quanta: 100 }]);
    expect(safe.stepIndex).toBe(0);
  });

  it("time-windows: clicks typed in by event time tick the first step off once the app has counted them", () => {
    const clicks = [10_000, 40_000, 59_999, 60_000].map((timestamp): LabAction => ({ type: "produce", key: "/home", value: "click", timestamp }));
    const sent = run("time-windows", clicks);
    expect(sent.stepIndex).toBe(0);
    expect(play(sent, [plusOneSecond]).stepIndex).toBe(1);
    // Three clicks leave [1:00, 2:00) empty: not the state the step describes.
    expect(run("time-windows", [...clicks.slice(0, 3), plusOneSecond]).stepIndex).toBe(0);
  });

  it("transactions-eos: 'try again' is a commit after the abort", () => {
    const aborted = byHand("transactions-eos", 2);
    expect(aborted.stepIndex).toBe(2);
    expect(play(aborted, [{ type: "tick", quanta: 20 }, { type: "transaction", outcome: "commit" }]).stepIndex).toBe(3);
  });
});

describe("the challenge and 'Do it for me'", () => {
  const doneByTheSteps = LAB_SCENARIOS.filter((s) => s.challenge && byHand(s.id).challenge?.met).map((s) => s.id);

  it("is met by the guided steps in several scenarios (so the rule below matters)", () => {
    expect(doneByTheSteps).toEqual(expect.arrayContaining(["cluster-tour", "key-partitioning", "acks-durability", "time-windows"]));
  });

  it.each(doneByTheSteps)("%s: done by hand it is complete; done for you it is not, and the lab says so", (id) => {
    const own = byHand(id);
    expect(challengeProgress(own)).toBe("complete");
    const ownNote = own.notes.findLast((n) => n.kind === "challenge-met")!;
    expect(ownNote.tone).toBe("success");
    expect(ownNote.message).toMatch(/^Challenge met: /);

    const assisted = guided(id);
    // The same cluster and the same conditions...
    expect(assisted.challenge).toEqual(own.challenge);
    // ...but the lab got there, so the run does not count.
    expect(challengeProgress(assisted)).toBe("done-for-you");
    const note = assisted.notes.findLast((n) => n.kind === "challenge-met")!;
    expect(note.tone).toBe("info");
    expect(note.message).toMatch(/^Done for you: .* reset and get there with your own moves\.$/);
  });

  it("one 'Do it for me' anywhere in the run is enough: own moves after it do not complete the challenge", () => {
    // Step 1 done for the learner; they scale the group out themselves and the conditions hold.
    const lab = play(createLab("consumer-lag"), [{ type: "guidedStep", index: 0 }, { type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 50 }]);
    expect(lab.challenge?.met).toBe(true);
    expect(challengeProgress(lab)).toBe("done-for-you");
    // A reset starts an own run, in which the same moves complete it.
    const again = play(lab, [{ type: "reset" }, { type: "tick", quanta: 50 }, { type: "addConsumer" }, { type: "addConsumer" }, { type: "tick", quanta: 50 }]);
    expect(challengeProgress(again)).toBe("complete");
  });

  it("an invalid 'Do it for me' changes nothing, so it does not mark the run as assisted", () => {
    const lab = labStep(createLab("cluster-tour"), { type: "guidedStep", index: 9 });
    expect(lab.lastError).toMatch(/no step 9/);
    expect(lab.assisted).toBe(false);
  });

  it("is part of the replay: a shared assisted run replays as assisted, an own run as complete", () => {
    for (const lab of [guided("key-partitioning"), byHand("key-partitioning")]) {
      const decoded = decodeLabRun(encodeLabRun(lab));
      if (!decoded.ok) throw new Error(decoded.error);
      const replayed = replayLab(decoded.scenarioId, decoded.seed, decoded.actions);
      expect(replayed.assisted).toBe(lab.assisted);
      expect(replayed.stepsDoneBy).toEqual(lab.stepsDoneBy);
      expect(challengeProgress(replayed)).toBe(challengeProgress(lab));
    }
  });

  it("is open while the conditions are not met, whoever played", () => {
    const fresh: LabState = createLab("cluster-tour");
    expect(challengeProgress(fresh)).toBe("open");
    expect(challengeProgress({ ...fresh, assisted: true })).toBe("open");
    expect(scenario("cluster-tour").steps.map((step) => typeof step.done)).toEqual(["function", "function", "function", "function"]);
    expect(stepActions("cluster-tour", 0)).toEqual(scenario("cluster-tour").steps[0]!.actions);
  });
});

// Skipping interview questions and follow-ups in the interview's steps and summary: where the candidate
// stands afterwards, which skip can be taken back, how a skip shows in the summary and the assessment
// (counted as 0, never read as missed points), and where a follow-up waits and how it is summed up.
import { describe, expect, it } from "vitest";
import { LEVELS } from "@/lib/content/levels";
import { assessInterview, buildInterviewSummary, type AssessedQuestion } from "@/lib/practice/assessment";
import { interviewStage, undoableSkip } from "@/lib/practice/interview-plan";

const set = (...positions: number[]) => new Set(positions);

describe("interviewStage with skipped questions", () => {
  it("moves past a skipped question to the next one, in both timings", () => {
    for (const timing of ["after_each", "at_end"] as const) {
      expect(interviewStage({ status: "in_progress", timing, total: 5, currentIndex: 1, answered: set(), skipped: set(0) })).toEqual({ kind: "question", position: 1 });
      expect(interviewStage({ status: "in_progress", timing, total: 5, currentIndex: 3, answered: set(0, 1), skipped: set(2) })).toEqual({ kind: "question", position: 3 });
    }
  });

  it("never shows feedback for a skipped question, even if the stored index still points at it", () => {
    expect(interviewStage({ status: "in_progress", timing: "after_each", total: 5, currentIndex: 0, answered: set(), skipped: set(0) })).toEqual({ kind: "question", position: 1 });
    // The answered question before it still gets its feedback.
    expect(interviewStage({ status: "in_progress", timing: "after_each", total: 5, currentIndex: 0, answered: set(0), skipped: set() })).toEqual({ kind: "feedback", position: 0, last: false });
  });

  it("is ready to finish once every question is answered or skipped", () => {
    expect(interviewStage({ status: "in_progress", timing: "at_end", total: 5, currentIndex: 5, answered: set(0, 1, 2, 3), skipped: set(4) })).toEqual({ kind: "ready-to-finish" });
    expect(interviewStage({ status: "in_progress", timing: "after_each", total: 5, currentIndex: 5, answered: set(), skipped: set(0, 1, 2, 3, 4) })).toEqual({ kind: "ready-to-finish" });
  });
});

describe("undoableSkip", () => {
  it("is the latest finished step when that step was a skip", () => {
    expect(undoableSkip({ total: 5, answered: set(0), skipped: set(1) })).toBe(1);
    expect(undoableSkip({ total: 5, answered: set(0, 1, 2, 3), skipped: set(4) })).toBe(4);
  });

  it("is null once something after the skip is answered or skipped, or when nothing was skipped", () => {
    expect(undoableSkip({ total: 5, answered: set(0, 2), skipped: set(1) })).toBeNull();
    expect(undoableSkip({ total: 5, answered: set(0), skipped: set(1, 2) })).toBe(2);
    expect(undoableSkip({ total: 5, answered: set(0, 1), skipped: set() })).toBeNull();
    expect(undoableSkip({ total: 5, answered: set(), skipped: set() })).toBeNull();
  });
});

function question(position: number, score: number | null, skipped = false): AssessedQuestion {
  return {
    position,
    slug: `q${position + 1}`,
    title: `Question ${position + 1}`,
    track: "kafka",
    level: LEVELS[position]!.id,
    tags: ["kafka"],
    timeBudgetMinutes: 5,
    attemptId: skipped ? null : `a${position + 1}`,
    score: skipped ? null : score,
    ...(skipped ? { skipped: true } : {}),
    timeSpentMs: skipped ? null : 180_000,
    items: skipped
      ? []
      : [
          { id: `core-${position}`, label: `The core mechanism of question ${position + 1}`, kind: "required", weight: 2, met: true, hint: "Say how it works underneath." },
          { id: `more-${position}`, label: `A second point for question ${position + 1}`, kind: "required", weight: 2, met: score !== null && score >= 8, hint: "Say the second point." },
        ],
  };
}

describe("a skipped question in the summary", () => {
  const questions = [question(0, 8), question(1, 6), question(2, null, true), question(3, 7), question(4, 9)];

  it("shows as skipped with a score of 0 that counts in the average", () => {
    const summary = buildInterviewSummary({ track: "kafka", trackTitle: "Apache Kafka", questions });
    expect(summary.rows[2]).toMatchObject({ skipped: true, score: 0, attemptId: null });
    expect(summary.rows.filter((row) => row.skipped)).toHaveLength(1);
    expect(summary.average).toBe(6); // (8 + 6 + 0 + 7 + 9) / 5
    expect(summary.assessment.verdict).toBe("building");
  });

  it("says so in the overview, with the average of the answers given, and never counts it as missed points", () => {
    const assessment = assessInterview({ trackTitle: "Apache Kafka", questions });
    expect(assessment.overview).toContain("counting the one you skipped as 0");
    expect(assessment.overview).toContain("7.5 on the 4 answers you gave");
    expect(assessment.overview).toContain("You skipped Q3 “Question 3”");
    expect(assessment.overview).not.toContain("could not be scored");
    // Its rubric was never answered, so nothing from Q3 appears as a gap or a study item.
    expect(assessment.study.every((item) => item.position !== 2)).toBe(true);
    expect(assessment.gap?.examples.every((example) => example.position !== 2) ?? true).toBe(true);
  });

  it("with every question skipped, says there is nothing to assess", () => {
    const assessment = assessInterview({ trackTitle: "Apache Kafka", questions: [0, 1, 2, 3, 4].map((position) => question(position, null, true)) });
    expect(assessment.verdict).toBe("early");
    expect(assessment.overview).toContain("You skipped every question");
  });

  it("leaves an interview without skips exactly as before", () => {
    const plain = [question(0, 8), question(1, 6), question(2, 5), question(3, 7), question(4, 9)];
    const summary = buildInterviewSummary({ track: "kafka", trackTitle: "Apache Kafka", questions: plain });
    expect(summary.rows.some((row) => "skipped" in row)).toBe(false);
    expect(summary.assessment.overview).toContain("You averaged 7.0/10 across 5 answers");
  });
});

describe("interviewStage with a follow-up waiting", () => {
  it("with feedback at the end, holds the interview on the follow-up of the answer just given", () => {
    expect(interviewStage({ status: "in_progress", timing: "at_end", total: 5, currentIndex: 2, answered: set(0, 1), pendingFollowUp: 1 })).toEqual({ kind: "follow-up", position: 1, last: false });
    expect(interviewStage({ status: "in_progress", timing: "at_end", total: 5, currentIndex: 5, answered: set(0, 1, 2, 3, 4), pendingFollowUp: 4 })).toEqual({ kind: "follow-up", position: 4, last: true });
    // Once resolved, the next question.
    expect(interviewStage({ status: "in_progress", timing: "at_end", total: 5, currentIndex: 2, answered: set(0, 1), pendingFollowUp: null })).toEqual({ kind: "question", position: 2 });
  });

  it("with feedback after each answer, the follow-up is part of the feedback step", () => {
    expect(interviewStage({ status: "in_progress", timing: "after_each", total: 5, currentIndex: 1, answered: set(0, 1), pendingFollowUp: 1 })).toEqual({ kind: "feedback", position: 1, last: false });
  });

  it("ignores a waiting follow-up that is not on the latest step", () => {
    expect(interviewStage({ status: "in_progress", timing: "at_end", total: 5, currentIndex: 3, answered: set(0, 1, 2), pendingFollowUp: 0 })).toEqual({ kind: "question", position: 3 });
  });
});

describe("follow-ups in the summary", () => {
  const withFollowUp = (position: number, score: number, followUp: AssessedQuestion["followUp"]): AssessedQuestion => ({ ...question(position, score), followUp });
  const answered = (score: number, covered: boolean) => ({ prompt: "What actually removes them?", source: "list" as const, status: "answered" as const, score, targets: ["Retention"], covered });
  const skippedFollowUp = { prompt: "When would you still choose RabbitMQ?", source: "list" as const, status: "skipped" as const, score: null, targets: ["RabbitMQ"], covered: false };

  it("keeps each follow-up on its row, leaves it out of the average, and tells how often the candidate covered the point", () => {
    const questions = [
      withFollowUp(0, 8, answered(9.04, true)),
      withFollowUp(1, 6, answered(2, false)),
      withFollowUp(2, 5, skippedFollowUp),
      question(3, 7),
      withFollowUp(4, 9, answered(10, true)),
    ];
    const summary = buildInterviewSummary({ track: "kafka", trackTitle: "Apache Kafka", questions });
    expect(summary.rows[0]!.followUp).toMatchObject({ status: "answered", score: 9, covered: true });
    expect(summary.rows[2]!.followUp).toMatchObject({ status: "skipped", score: null });
    expect(summary.rows[3]!.followUp).toBeUndefined();
    expect(summary.average).toBe(7);
    expect(summary.assessment.overview).toContain("you covered it in 2 of the 3 follow-ups you answered (1 skipped)");
  });

  it("says so when every follow-up was skipped", () => {
    const questions = [0, 1, 2, 3, 4].map((position) => withFollowUp(position, 6, skippedFollowUp));
    expect(assessInterview({ trackTitle: "Apache Kafka", questions }).overview).toContain("You skipped all 5 follow-up questions");
  });
});

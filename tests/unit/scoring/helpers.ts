// A small, self-contained rubric for engine tests (independent of the question bank).
import type { Vocabulary } from "@/lib/content/schema";
import { rubricSchema } from "@/lib/content/schema";
import { readFileSync } from "node:fs";
import { scoreWithRules, type ScorableQuestion } from "@/lib/scoring";
import { detectInjection } from "@/lib/scoring/injection";
import { analyseText } from "@/lib/scoring/normalise";

export const vocabulary: Vocabulary = {
  "acks-all": ["acks=all", "acks=-1", "every in sync replica acknowledge*", "all in sync replicas acknowledge*"],
  "min-isr-two": ["min.insync.replicas=2", "2 in sync replicas"],
  "partition-word": ["partition*", "shard*"],
  "consumer-word": ["consumer*", "instance*", "worker*"],
};

export const durability: ScorableQuestion & { prompt: string } = {
  slug: "test-durability",
  prompt: "How do you make Kafka writes durable, and how do partitions limit consumers?",
  modelAnswer: "Set acks=all with min.insync.replicas=2 and replication factor 3. Partitions can be added but never removed, and a group never has more active consumers than partitions.",
  rubric: rubricSchema.parse({
    items: [
      { id: "acks-all", label: "Producer waits for all in-sync replicas", kind: "required", weight: 2, concept: ["{acks-all}"], hint: "Say the producer uses acks=all so every in-sync replica confirms the write." },
      { id: "min-isr", label: "At least two in-sync replicas", kind: "required", weight: 2, concept: ["{min-isr-two}"], hint: "Add that min.insync.replicas=2 refuses writes when too few replicas are in sync." },
      {
        id: "partitions-never-removed",
        label: "Partitions can be added, never removed",
        kind: "required",
        weight: 2,
        concept: ["(never | cannot | can't | not possible) ... (remov* | reduc* | decreas* | delet*) ... {partition-word}"],
        hint: "Mention that a topic's partition count can grow but never shrink.",
      },
      {
        id: "consumers-idle",
        label: "Extra consumers sit idle",
        kind: "required",
        weight: 1,
        concept: ["{consumer-word} ... {partition-word} ... (idle | no more than | at most)"],
        hint: "Explain that consumers beyond the partition count get nothing to read and sit idle.",
      },
      { id: "rf-three", label: "Replication factor three", kind: "bonus", weight: 1, concept: ["(replication factor | rf) ... 3"], hint: "Quote the usual replication factor of three." },
      {
        id: "acks1-durable",
        label: "Misconception: acks=1 is durable",
        kind: "misconception",
        weight: 2,
        concept: ["acks=1 ... (guarantee* | durab* | safe | no data loss)"],
        correction: "With acks=1 only the leader has the write, so losing the leader can lose it.",
      },
      {
        id: "remove-partitions",
        label: "Misconception: partitions can be removed",
        kind: "misconception",
        weight: 2,
        concept: ["(can | could | able to) ... (remov* | reduc* | decreas*) ... {partition-word}"],
        correction: "The partition count of a topic can only go up; to shrink it you create a new topic.",
      },
    ],
  }),
};

export const STRONG =
  "Producers should use acks=all so every in-sync replica acknowledges the write. On the topic I set min.insync.replicas=2 with a replication factor of 3. " +
  "You can add partitions later but you can never remove partitions from a topic. Consumers beyond the number of partitions just sit idle.";

/** One sentence of a stance corpus (tests/fixtures/stance/): the words naming the practice, and whether it is a bad one. */
export interface StanceEntry {
  text: string;
  practice: string;
  bad?: boolean;
}

/** Whether a sentence earns the point its practice names, scored against a rubric whose only real point is that practice. */
export function creditedForPractice({ text, practice }: StanceEntry): boolean {
  const filler = (i: number) => ({ id: `other-${i}`, label: "Another point", kind: "required", weight: 1, concept: [`zzqq${i}`], hint: "Another point of the rubric." });
  const rubric = rubricSchema.parse({
    items: [
      { id: "practice", label: "Uses the practice", kind: "required", weight: 2, concept: [practice.replace(/[()|{}*]/g, " ").replace(/\s+/g, " ").trim()], hint: "Name the practice and what it is for." },
      ...[1, 2, 3, 4].map(filler),
      { id: "wrong", label: "A wrong claim", kind: "misconception", weight: 1, concept: ["zzqqwrong"], correction: "Nothing in these sentences makes it." },
    ],
  });
  return scoreWithRules({ question: { slug: "stance", modelAnswer: "", rubric }, answer: text, vocabulary: {}, claims: [] }).items.find((item) => item.id === "practice")!.met;
}

/** An injection corpus: requests addressed to the grader, by style, and ordinary sentences using the same words. */
export interface InjectionCorpus {
  inject: Array<{ text: string; style: string }>;
  benign: Array<{ text: string }>;
}

export const loadInjectionCorpus = (path: string) => JSON.parse(readFileSync(path, "utf8")) as InjectionCorpus;

/** Whether the detector takes some sentence of the text as addressed to the grader. */
export const flaggedAsInjection = (text: string) => detectInjection(analyseText(text)).sentences.length > 0;

// Builds small question banks in a temp folder, so content tests can break one thing at a time and
// know exactly which line the loader should blame.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const VALID_RUBRIC = `rubric:
  items:
    - id: names-the-log
      label: Calls Kafka a distributed log
      kind: required
      weight: 2
      concept:
        - "distributed log | commit log"
      hint: "Say that Kafka is a distributed, append-only log."
    - id: partitions
      label: Partitions for scale
      kind: required
      weight: 2
      concept:
        - "partition* ... parallel*"
      hint: "Say that partitions let reads and writes run in parallel."
    - id: offsets
      label: Offsets
      kind: required
      weight: 1
      concept:
        - "offset* ... (resume* | replay*)"
      hint: "Explain that offsets let a consumer resume or replay."
    - id: retention
      label: Retention
      kind: bonus
      weight: 1
      concept:
        - "retention ... (day* | week*)"
      hint: "Mention that records are kept for a retention period."
    - id: groups
      label: Consumer groups
      kind: bonus
      weight: 1
      concept:
        - "{consumer-word} ... group*"
      hint: "Mention that consumer groups share the partitions out."
    - id: deletes-on-read
      label: "Misconception: deleted once read"
      kind: misconception
      weight: 2
      concept:
        - "delet* ... (once | after) ... (read | consum*)"
      correction: "Kafka keeps records for the retention period whoever has read them."
`;

export const VALID_BODY = `
## Prompt

What is Kafka?

## Model answer

Kafka is a distributed log.

## Key points

- It is a log.
- It has partitions.

## Follow-ups

- What is an offset?
`;

/** What every question must record: what it was checked against, and the sources that back it. */
export const PROVENANCE = `checkedAgainst: "Kafka 4.4"
sources:
  - "https://kafka.apache.org/documentation/#introduction"
  - "https://cwiki.apache.org/confluence/display/KAFKA/KIP-500%3A+Replace+ZooKeeper+with+a+Self-Managed+Metadata+Quorum"
`;

export function questionFile({
  slug = "sample-question",
  level = "warm-up",
  demo = "cluster-tour",
  track = "kafka",
  rubric = VALID_RUBRIC,
  body = VALID_BODY,
  extraFrontmatter = "",
  provenance = PROVENANCE,
}: Partial<Record<"slug" | "level" | "demo" | "track" | "rubric" | "body" | "extraFrontmatter" | "provenance", string>> = {}): string {
  return `---
slug: ${slug}
title: A sample question about Kafka
track: ${track}
level: ${level}
tags: [fundamentals]
timeBudgetMinutes: 4
demo: ${demo}
${provenance}${extraFrontmatter}${rubric}---
${body}`;
}

export function makeContentDir(questions: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "offset-content-"));
  mkdirSync(join(dir, "questions"), { recursive: true });
  mkdirSync(join(dir, "tracks"), { recursive: true });
  mkdirSync(join(dir, "vocabulary"), { recursive: true });
  writeFileSync(join(dir, "vocabulary", "common.yml"), "consumer-word:\n  - consumer*\n  - instance*\n");
  writeFileSync(
    join(dir, "tracks", "kafka.md"),
    "---\nid: kafka\ntitle: Apache Kafka\nsummary: The Kafka track used by content tests.\norder: 1\n---\nKafka.\n",
  );
  for (const [name, text] of Object.entries(questions)) writeFileSync(join(dir, "questions", name), text);
  return dir;
}

import { describe, expect, it } from "vitest";
import { loadContentBank } from "@/lib/content/load";
import { searchBank, tagCounts } from "@/lib/content/search";
import { makeContentDir, questionFile } from "../../support/content-fixtures";

const bank = loadContentBank(
  makeContentDir({
    "replicas-and-acks.md": questionFile({ slug: "replicas-and-acks", level: "lead" }).replace(
      "What is Kafka?",
      "Explain min.insync.replicas and acks=all.",
    ),
    "consumer-groups.md": questionFile({ slug: "consumer-groups" }).replace("What is Kafka?", "How do consumer groups share partitions?"),
  }),
);

describe("searchBank", () => {
  it("lists everything by level when there is no filter", () => {
    expect(searchBank(bank, {}).map((question) => question.slug)).toEqual(["consumer-groups", "replicas-and-acks"]);
  });

  it("filters by level and track", () => {
    expect(searchBank(bank, { level: "lead" }).map((question) => question.slug)).toEqual(["replicas-and-acks"]);
    expect(searchBank(bank, { track: "streaming" })).toEqual([]);
  });

  it("finds questions by words in the prompt, including prefixes", () => {
    expect(searchBank(bank, { q: "insync" }).map((question) => question.slug)).toEqual(["replicas-and-acks"]);
    expect(searchBank(bank, { q: "consum grou" }).map((question) => question.slug)).toEqual(["consumer-groups"]);
    expect(searchBank(bank, { q: "zookeeper" })).toEqual([]);
  });

  it("counts tags", () => {
    expect(tagCounts(bank)).toEqual([{ tag: "fundamentals", count: 2 }]);
  });
});

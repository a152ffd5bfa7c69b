import { describe, expect, it } from "vitest";
import { analyseText } from "@/lib/scoring/normalise";

describe("markdown tables in answers", () => {
  const table = "| | RabbitMQ | Kafka |\n|---|---|---|\n| replay | gone once acked | kept for the retention period |\n| model | push | pull |";

  it("makes each row its own sentence, even when it starts in lower case", () => {
    const { sentences } = analyseText(table);
    const texts = sentences.map((sentence) => table.slice(sentence.start, sentence.end));
    expect(texts.some((text) => text.includes("replay") && !text.includes("model"))).toBe(true);
    expect(texts.some((text) => text.includes("model") && !text.includes("replay"))).toBe(true);
  });

  it("keeps wrapped prose in lower case as one sentence", () => {
    const prose = "Consumers read from the leader and\ntrack their own offsets.";
    expect(analyseText(prose).sentences).toHaveLength(1);
  });
});

// The "Checked against" line on the question page: a <details> whose summary names the versions and
// whose body links every source, labelled so a candidate can tell a KIP from a doc page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckedAgainst, sourceLabel } from "@/components/questions/checked-against";

const SOURCES = [
  "https://kafka.apache.org/documentation/#semantics",
  "https://cwiki.apache.org/confluence/display/KAFKA/KIP-890:+Transactions+Server-Side+Defense",
  "https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging",
  "https://github.com/apache/kafka/blob/trunk/storage/src/main/java/org/apache/kafka/storage/internals/log/UnifiedLog.java",
  "https://nightlies.apache.org/flink/flink-docs-release-2.2/docs/concepts/time/",
];

describe("sourceLabel", () => {
  it("names KIPs by number and title, Apache files by repository and file, pages by host and page", () => {
    expect(SOURCES.map(sourceLabel)).toEqual([
      "kafka.apache.org — documentation (semantics)",
      "KIP-890: Transactions Server-Side Defense",
      "KIP-98: Exactly Once Delivery and Transactional Messaging",
      "apache/kafka: UnifiedLog.java",
      "Flink 2.2 docs — time",
    ]);
    expect(sourceLabel("https://cwiki.apache.org/confluence/display/KAFKA/KIP-966%3A+Eligible+Leader+Replicas")).toBe(
      "KIP-966: Eligible Leader Replicas",
    );
  });
});

describe("CheckedAgainst", () => {
  const html = renderToStaticMarkup(createElement(CheckedAgainst, { checkedAgainst: "Kafka 4.4 · Flink 2.2", sources: SOURCES }));

  it("shows the versions in the summary of a closed <details>", () => {
    expect(html).toMatch(/^<details [^>]*data-testid="checked-against"[^>]*>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html).toContain("<summary");
    expect(html).toMatch(/<summary[^>]*>Checked against Kafka 4.4 · Flink 2.2 · 5 sources<\/summary>/);
  });

  it("links every source", () => {
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
    expect(hrefs).toEqual(SOURCES);
    expect(html).toContain(">KIP-890: Transactions Server-Side Defense</a>");
  });
});

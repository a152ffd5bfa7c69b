// One sentence can earn a point and make a wrong claim at once; each quote marks the words that did its part,
// so "What you nailed" and "What you got wrong" quoting the same sentence do not read as a contradiction.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuotedEvidence } from "@/components/feedback/quoted-evidence";
import { loadContentBank } from "@/lib/content/load";
import { feedbackFromResult } from "@/lib/practice/feedback-data";
import { scoreWithRules } from "@/lib/scoring";

const bank = loadContentBank();
const question = bank.questions.find((candidate) => candidate.slug === "kafka-hot-partitions")!;
const answer = "Salting the hot key with a random suffix spreads its load over several partitions and keeps the account's events in order.";
const data = feedbackFromResult(scoreWithRules({ question, answer, vocabulary: bank.vocabulary, claims: bank.claims }), answer);
const marked = (html: string) => [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((match) => match[1]!.replace(/&#x27;/g, "'"));

function quote(id: string, tone: "good" | "bad") {
  const item = data.items.find((candidate) => candidate.id === id)!;
  return renderToStaticMarkup(createElement(QuotedEvidence, { answer, item, evidence: item.evidence[0]!, tone }));
}

describe("QuotedEvidence", () => {
  it("quotes the same sentence for the point and the wrong claim, marking different words in each", () => {
    const point = data.nailed.find((nailed) => nailed.id === "salting")!;
    const claim = data.misconceptions.find((wrong) => wrong.id.startsWith("claim-salting"))!;
    expect(point.evidence[0]).toBe(answer);
    expect(claim.evidence[0]).toBe(answer);
    const earned = marked(quote(point.id, "good"));
    const charged = marked(quote(claim.id, "bad"));
    expect(earned.length).toBeGreaterThan(0);
    expect(charged.join(" ")).toContain("in order");
    expect(earned.join(" ")).not.toContain("order");
    for (const words of earned) expect(answer).toContain(words);
  });

  it("keeps the whole sentence readable around the marks", () => {
    const html = quote("salting", "good");
    expect(html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'")).toBe(`\u201c${answer}\u201d`);
  });

  it("falls back to the plain quote when the score kept no word positions", () => {
    const item = { ...data.items.find((candidate) => candidate.id === "salting")!, highlights: [] };
    const html = renderToStaticMarkup(createElement(QuotedEvidence, { answer, item, evidence: "an older quote", tone: "good", lead: "You said: " }));
    expect(html).not.toContain("<mark");
    expect(html.replace(/<[^>]+>/g, "")).toBe("You said: \u201can older quote\u201d");
  });
});

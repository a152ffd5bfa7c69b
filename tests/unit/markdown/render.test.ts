import { describe, expect, it } from "vitest";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown/render";

describe("renderMarkdown", () => {
  it("drops raw HTML, scripts and event handlers", async () => {
    const html = await renderMarkdown('Hi <script>alert(1)</script><img src=x onerror="alert(1)"> [x](javascript:alert(1))');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain("Hi");
  });

  it("highlights code with light and dark themes", async () => {
    const html = await renderMarkdown("```java\nint partitions = 12;\n```");
    expect(html).toContain('class="shiki');
    expect(html).toContain("--shiki-dark");
    expect(html).toContain("partitions");
  });

  it("keeps mermaid diagrams as source for the client to draw", async () => {
    const html = await renderMarkdown("```mermaid\nflowchart LR\n  P --> B\n```");
    expect(html).toContain('data-diagram="mermaid"');
    expect(html).toContain("flowchart LR");
    expect(html).not.toContain("shiki");
  });

  it("renders tables and inline code", async () => {
    const html = await renderMarkdown("| key | value |\n|---|---|\n| `acks` | all |");
    expect(html).toContain("<table>");
    expect(html).toContain("<code>acks</code>");
  });

  it("renders inline markdown without a wrapping paragraph", async () => {
    expect(await renderInlineMarkdown("Use **acks=all**")).toBe("Use <strong>acks=all</strong>");
  });
});

"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

// Server-rendered, sanitised HTML (lib/markdown/render.ts). Diagrams written as ```mermaid are drawn
// here, on the client, only when a page has one and it comes into view — mermaid is large, so it is
// loaded on demand — and redrawn when the theme changes.
export function Prose({ html, className, testId }: { html: string; className?: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const sources = [...container.querySelectorAll<HTMLElement>("[data-diagram='mermaid']")];
    if (sources.length === 0) return;
    let cancelled = false;

    const draw = async () => {
      const { default: mermaid } = await import("mermaid");
      const dark = document.documentElement.classList.contains("dark");
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "neutral", fontFamily: "inherit" });
      for (const [index, element] of sources.entries()) {
        const source = element.dataset.source ?? element.textContent ?? "";
        element.dataset.source = source;
        try {
          const { svg } = await mermaid.render(`diagram-${index}-${Date.now()}`, source);
          if (cancelled) return;
          element.innerHTML = svg;
          element.className = "mermaid-diagram";
          element.setAttribute("role", "img");
          element.setAttribute("aria-label", "Diagram: " + source.split("\n")[0]);
        } catch {
          element.textContent = source; // leave the readable source if the diagram cannot be drawn
        }
      }
    };
    // Draw when the prose is first on screen: a hidden model answer costs nothing until revealed.
    let themeObserver: MutationObserver | null = null;
    const visibility = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      visibility.disconnect();
      void draw();
      themeObserver = new MutationObserver(() => void draw());
      themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    });
    visibility.observe(container);
    return () => {
      cancelled = true;
      visibility.disconnect();
      themeObserver?.disconnect();
    };
  }, [html]);

  return <div ref={ref} className={cn("prose-offset", className)} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

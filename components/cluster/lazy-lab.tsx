"use client";

// The live cluster on a question page, loaded only when asked for: the engine and the view are a
// separate chunk fetched on click, so the question page's first load carries none of it.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { DemoScenarioId } from "@/lib/demos/catalog";

const ClusterLab = dynamic(() => import("./cluster-lab").then((module) => module.ClusterLab), {
  ssr: false,
  loading: () => (
    <p className="rounded-2xl border border-border bg-surface p-5 text-sm text-muted" role="status">
      Starting the cluster…
    </p>
  ),
});

export function LazyClusterLab({ scenarioId, title, summary }: { scenarioId: DemoScenarioId; title: string; summary: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="live-cluster-title" className="rounded-2xl border border-border bg-surface p-5" data-testid="live-cluster">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-xl">
          <p className="text-xs font-medium tracking-wide text-accent uppercase">Live cluster</p>
          <h2 id="live-cluster-title" className="mt-1 text-lg font-semibold">
            {title}
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-muted">{summary}</p>
        </div>
        {open ? null : (
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => setOpen(true)} data-testid="open-live-cluster">
              Open the live cluster
            </Button>
            <Link href={`/demos/${scenarioId}`} className="text-sm font-medium text-accent hover:underline">
              Full page
            </Link>
          </div>
        )}
      </div>
      {open ? (
        <div className="mt-5">
          <ClusterLab scenarioId={scenarioId} embedded />
        </div>
      ) : null}
    </section>
  );
}

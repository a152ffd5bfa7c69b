"use client";

// What Kafka's own tools would print right now, exactly as the engine's CLI renderers print it.
import { memo, useMemo } from "react";
import { renderGroupOffsets, renderTopics, type ClusterState } from "@/lib/cluster";

function Terminal({ command, text, testId }: { command: string; text: string; testId: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1.5 truncate font-mono text-xs text-muted" title={command}>
        $ {command}
      </figcaption>
      <pre className="max-h-80 overflow-auto rounded-xl border border-border bg-surface-2 p-3 font-mono text-[0.74rem] leading-relaxed whitespace-pre" data-testid={testId} tabIndex={0}>
        {text}
      </pre>
    </figure>
  );
}

export const ToolOutputs = memo(function ToolOutputs({ cluster, topic, group }: { cluster: ClusterState; topic: string; group: string | null }) {
  const topics = useMemo(() => renderTopics(cluster, { topic }), [cluster, topic]);
  const groupOutput = useMemo(() => {
    if (!group) return null;
    const output = renderGroupOffsets(cluster, group);
    return [output.stderr, output.stdout].filter(Boolean).join("");
  }, [cluster, group]);
  return (
    <section aria-label="What Kafka's tools print" className="grid gap-4 rounded-2xl border border-border bg-surface p-4">
      {groupOutput !== null ? (
        <Terminal command={`kafka-consumer-groups.sh --bootstrap-server broker-1:9092 --describe --group ${group}`} text={groupOutput} testId="cli-groups" />
      ) : null}
      <Terminal command={`kafka-topics.sh --bootstrap-server broker-1:9092 --describe --topic ${topic}`} text={topics} testId="cli-topics" />
    </section>
  );
});

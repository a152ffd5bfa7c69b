"use client";

// Records a completed challenge: when a run the learner played on their own meets it (live, not when a
// shared run is replayed on open), in this browser at once and, when signed in, in their account.
import { useEffect, useMemo, useState } from "react";
import { recordDemoCompletionAction } from "@/app/demos/actions";
import { recordLocalCompletion, useDemoCompletions } from "@/components/demos/completion-store";
import type { DemoScenarioId } from "@/lib/demos/catalog";
import { challengeProgress, type LabClient } from "@/lib/demos/lab";
import type { ChallengeRecord } from "./guide";

export function useChallengeRecord(client: LabClient, scenarioId: DemoScenarioId, accountCompletedAt: string | null): ChallengeRecord {
  const account = useMemo(() => (accountCompletedAt ? { [scenarioId]: accountCompletedAt } : {}), [scenarioId, accountCompletedAt]);
  const completedAt = useDemoCompletions(account)[scenarioId] ?? null;
  const [saved, setSaved] = useState<ChallengeRecord["saved"]>(null);

  useEffect(() => {
    let live = true;
    let was = challengeProgress(client.getState()) === "complete";
    const unsubscribe = client.subscribe(() => {
      const complete = challengeProgress(client.getState()) === "complete";
      if (complete && !was) {
        recordLocalCompletion(scenarioId);
        setSaved({ where: "saving" });
        recordDemoCompletionAction({ scenarioId }).then(
          (result) => {
            if (!live) return;
            if (result.status === "saved") setSaved({ where: "account" });
            else if (result.status === "signed-out") setSaved({ where: "browser" });
            else setSaved({ where: "browser-only", reason: result.message });
          },
          () => live && setSaved({ where: "browser-only", reason: "the server could not be reached. Try again later from this browser." }),
        );
      }
      was = complete;
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, scenarioId]);

  return { completedAt, saved };
}

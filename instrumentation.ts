// Runs once when the Next server starts: background workers live in the same process as the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import("@/lib/jobs/workers");
  await startWorkers().catch((error: unknown) => console.error("[jobs] workers did not start", error));
  // After start-up rather than during it: the server answers at once, and the scorer is ready a moment later.
  const [{ getContentBank }, { warmUpScorer }] = await Promise.all([import("@/lib/content/bank"), import("@/lib/scoring/warm-up")]);
  const { scoringThreadWanted, startScoringThread } = await import("@/lib/scoring/off-thread");
  if (scoringThreadWanted()) startScoringThread();
  setTimeout(() => {
    try {
      warmUpScorer(getContentBank());
    } catch (error) {
      console.error("[scoring] warm-up failed; the first submissions will compile the rubrics instead", error);
    }
  }, 0);
}

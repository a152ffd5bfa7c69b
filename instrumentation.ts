// Runs once when the Next server starts: background workers live in the same process as the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startWorkers } = await import("@/lib/jobs/workers");
  await startWorkers().catch((error: unknown) => console.error("[jobs] workers did not start", error));
}

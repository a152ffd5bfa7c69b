// What the server page hands the editor. Everything is plain JSON (dates as ISO text), so the props
// cross the server/client boundary unchanged.
import type { ClaimCatalogue } from "@/lib/content/claims";
import type { Rubric, Vocabulary } from "@/lib/content/schema";

export interface EditorQuestion {
  slug: string;
  title: string;
  prompt: string;
  modelAnswer: string;
}

export interface EditorVersion {
  version: number;
  rubric: Rubric;
  isActive: boolean;
  /** ISO date, or null for a version never published. */
  publishedAt: string | null;
  note: string | null;
  authorName: string | null;
}

export interface BenchAttemptOption {
  attemptId: string;
  createdAt: string;
  candidateName: string;
  excerpt: string;
  currentScore: number | null;
  versionNumber: number | null;
}

export interface CalibrationSample {
  id: string;
  voice: string;
  text: string;
  expected: number;
}

export interface RubricEditorProps {
  question: EditorQuestion;
  /** The version whose rubric the editor starts from (the latest, or ?base=N). */
  start: EditorVersion;
  /** The newest version when the page loaded: a save goes on top of it. */
  latest: { version: number; rubric: Rubric };
  /** The version candidates are scored with now. */
  active: { version: number; rubric: Rubric };
  vocabulary: Vocabulary;
  /** The shared false-claim catalogue every question is scored against. */
  claims: ClaimCatalogue;
  benchAttempts: BenchAttemptOption[];
  /** A problem loading the attempts list (the rest of the editor still works). */
  benchAttemptsError?: string;
  calibration: CalibrationSample[];
}

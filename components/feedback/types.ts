// What the feedback view draws, from either a stored attempt or a one-off score (not signed in).
export interface FeedbackSpan {
  start: number;
  end: number;
}

export interface FeedbackItem {
  id: string;
  label: string;
  kind: "required" | "bonus" | "misconception";
  weight: number;
  met: boolean;
  evidence: string[];
  spans: FeedbackSpan[];
  hint?: string;
  correction?: string;
}

export interface FeedbackData {
  score: number;
  /** "instructor": an instructor's override (the checklist is the one it replaced). */
  scorer: "rules" | "llm" | "instructor";
  model?: string | null;
  rubricVersion: string | null;
  summary: string;
  items: FeedbackItem[];
  nailed: { id: string; label: string; evidence: string[] }[];
  tightenUp: { id: string; label: string; weight: number; hint: string }[];
  misconceptions: { id: string; label: string; evidence: string[]; correction: string }[];
  flags: { code: string; message: string; spans?: FeedbackSpan[] }[];
  fallbackReason?: string | null;
  answer: string;
}

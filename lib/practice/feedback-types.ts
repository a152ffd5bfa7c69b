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
  /** The words that earned the point or made the claim, inside `spans` (absent on scores stored before they were kept). */
  highlights?: FeedbackSpan[];
  hint?: string;
  correction?: string;
  /** Met points: explained (how or why) or only named. */
  depth?: "named" | "explained";
  /** A missed point the answer waved away, and where. */
  rejection?: { evidence: string[]; spans: FeedbackSpan[] };
  /** "catalogue" for a false claim from the shared catalogue. */
  origin?: "catalogue";
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
  tightenUp: { id: string; label: string; weight: number; hint: string; reason?: "rejected" | "missed" | "named"; evidence?: string[] }[];
  misconceptions: { id: string; label: string; evidence: string[]; correction: string }[];
  flags: { code: string; message: string; spans?: FeedbackSpan[] }[];
  fallbackReason?: string | null;
  answer: string;
}

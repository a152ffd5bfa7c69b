"use client";

// The editor's two tabs, form and YAML. Switching to YAML writes the draft as text; every edit of the text
// that can be read goes straight back into the draft (form and preview follow), and while it cannot be
// read, switching back to the form is refused and the form keeps the last readable version.
import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { parseDocument, stringify } from "yaml";
import type { Rubric, Vocabulary } from "@/lib/content/schema";
import type { RubricCheck } from "@/lib/rubrics/validate";
import { parseRubricYaml, rubricToYaml } from "@/lib/rubrics/yaml";
import { formFromUnknown, type FormDraft } from "./draft-state";

export type Mode = "form" | "yaml";

/** YAML text → the form, or why the form cannot show it. */
function readYaml(text: string, previous: FormDraft): { ok: true; draft: FormDraft } | { ok: false; message: string } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  // The syntax errors themselves are listed (with lines) by parseRubricYaml in the issue summary.
  if (doc.errors.length > 0) return { ok: false, message: "" };
  return formFromUnknown(doc.toJS() ?? null, previous);
}

export interface YamlMode {
  mode: Mode;
  yamlText: string;
  /** Why the form cannot show the YAML ("" when the YAML has syntax errors), or null when it can. */
  yamlProblem: string | null;
  /** The learner tried to go back to the form while the YAML could not be read. */
  switchRefused: boolean;
  /** The YAML's own check while the YAML tab is open, else null. */
  yamlCheck: RubricCheck | null;
  yamlRef: RefObject<HTMLTextAreaElement | null>;
  switchTo(next: Mode): void;
  /** Arrow keys move between the tabs. */
  onTabKey(event: KeyboardEvent<HTMLButtonElement>): void;
  onYamlChange(text: string): void;
  /** Selects a line of the YAML and scrolls to it. */
  goToLine(line: number): void;
  /** Shows this rubric in the YAML tab (after the draft was discarded). */
  showRubric(rubric: Rubric): void;
}

/**
 * @param formCheck the form draft's validation (its rubric becomes the YAML when valid)
 * @param onDraft receives each draft read back from the YAML
 * @param tabIds the DOM ids of the two tab buttons, for keyboard focus
 */
export function useYamlMode(options: {
  draft: FormDraft;
  rubricInput: unknown;
  formCheck: RubricCheck;
  vocabulary: Vocabulary;
  onDraft: (draft: FormDraft) => void;
  tabIds: Record<Mode, string>;
}): YamlMode {
  const { draft, rubricInput, formCheck, vocabulary, onDraft, tabIds } = options;
  const [mode, setMode] = useState<Mode>("form");
  const [yamlText, setYamlText] = useState("");
  const [yamlProblem, setYamlProblem] = useState<string | null>(null);
  const [switchRefused, setSwitchRefused] = useState(false);
  const yamlRef = useRef<HTMLTextAreaElement>(null);
  const yamlCheck = useMemo(() => (mode === "yaml" ? parseRubricYaml(yamlText, vocabulary) : null), [mode, yamlText, vocabulary]);

  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === "yaml") {
      setYamlText(formCheck.ok ? rubricToYaml(formCheck.rubric) : stringify(rubricInput, { lineWidth: 0 }));
      setYamlProblem(null);
      setSwitchRefused(false);
      setMode("yaml");
      return;
    }
    if (yamlProblem !== null) {
      setSwitchRefused(true);
      yamlRef.current?.focus();
      return;
    }
    setSwitchRefused(false);
    setMode("form");
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: Mode = mode === "form" ? "yaml" : "form";
    switchTo(next);
    document.getElementById(tabIds[next])?.focus();
  };

  const onYamlChange = (text: string) => {
    setYamlText(text);
    const read = readYaml(text, draft);
    if (read.ok) {
      onDraft(read.draft);
      setYamlProblem(null);
      setSwitchRefused(false);
    } else setYamlProblem(read.message);
  };

  const goToLine = (line: number) => {
    const textarea = yamlRef.current;
    if (!textarea) return;
    const lines = yamlText.split("\n");
    const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const showRubric = (rubric: Rubric) => {
    if (mode !== "yaml") return;
    setYamlText(rubricToYaml(rubric));
    setYamlProblem(null);
  };

  return { mode, yamlText, yamlProblem, switchRefused, yamlCheck, yamlRef, switchTo, onTabKey, onYamlChange, goToLine, showRubric };
}

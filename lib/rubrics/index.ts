// Rubric editing, framework-free and browser-safe: validation as you type, the YAML view, diffs
// between versions, the test bench, and export to / import from a question's markdown file.
// Client components import from here; nothing in this graph may import Node modules
// (tests/unit/rubrics/browser-safety.test.ts checks).
export { validateRubricDraft, itemName, RUBRIC_ITEM_FIELDS, type RubricIssue, type RubricCheck, type RubricItemField } from "./validate";
export { RUBRIC_LIMITS } from "./limits";
export { rubricToYaml, parseRubricYaml } from "./yaml";
export { diffRubrics, sideBySide, summariseDiff, type ItemChange, type RubricDiff, type DiffRow } from "./diff";
export { runBench, compareBench, benchSamplesFromCalibration, previewScore, type BenchSample, type BenchRow, type BenchReport, type BenchInput } from "./bench";
export { replaceRubricInMarkdown, rubricFromMarkdown, RubricExportError } from "./markdown";
export type { Rubric, RubricItem, RubricItemKind, Vocabulary } from "@/lib/content/schema";

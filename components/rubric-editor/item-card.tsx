"use client";

import { memo, type Dispatch } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { parseConceptPattern, setsUsed } from "@/lib/content/concept-pattern";
import { rubricItemKinds, type Vocabulary } from "@/lib/content/schema";
import { RUBRIC_LIMITS } from "@/lib/rubrics/limits";
import { fieldDomId, issuesFor, KIND_LABELS, type DraftAction, type FormItem, type IssueLike, type TextField } from "./draft-state";
import { describedBy, FieldMessages, inputClasses, LabelledField } from "./field";
import { PatternHelp } from "./pattern-help";
import { plural } from "@/lib/format/text";

const KIND_TONES = { required: "accent", bonus: "good", misconception: "bad" } as const;

const smallButton =
  "inline-flex h-7 min-w-7 items-center justify-center rounded-md border border-border bg-surface px-1.5 text-xs text-muted hover:bg-surface-2 hover:text-text disabled:cursor-not-allowed disabled:opacity-40";

interface ItemCardProps {
  item: FormItem;
  index: number;
  count: number;
  prefix: string;
  issues: IssueLike[];
  vocabulary: Vocabulary;
  canAdd: boolean;
  dispatch: Dispatch<DraftAction>;
  onMove: (index: number, to: number) => void;
  onRemove: (index: number) => void;
}

function ItemCardView({ item, index, count, prefix, issues, vocabulary, canAdd, dispatch, onMove, onRemove }: ItemCardProps) {
  const id = (field: string) => fieldDomId(prefix, { itemIndex: index, field });
  const set = (field: TextField) => (event: { target: { value: string } }) => dispatch({ type: "set-field", index, field, value: event.target.value });
  const fieldIssues = (field: string) => issuesFor(issues, index, field);
  // What every field's control carries: its id, input styles, test id, and its messages wired in.
  const control = (field: string, className?: string) => ({
    id: id(field),
    className: inputClasses(fieldIssues(field).length > 0, className),
    "data-testid": `item-${field}-${index}`,
    ...describedBy(`${id(field)}-msg`, fieldIssues(field)),
  });
  const itemIssues = issues.filter((issue) => issue.itemIndex === index || issue.path === `items.${index}` || String(issue.path ?? "").startsWith(`items.${index}.`));
  const misconception = item.kind === "misconception";
  const textField = misconception ? "correction" : "hint";
  const headingId = `${prefix}-item-${index}-heading`;

  return (
    <li
      aria-labelledby={headingId}
      data-testid={`rubric-item-${index}`}
      data-kind={item.kind}
      className={cn("rounded-xl border bg-surface p-3.5", itemIssues.length ? "border-bad/40" : "border-border")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-muted tabular-nums">{String(index + 1).padStart(2, "0")}</span>
        <Badge tone={KIND_TONES[item.kind]}>{KIND_LABELS[item.kind]}</Badge>
        <h3 id={headingId} className="min-w-[9rem] flex-1 truncate text-sm font-medium">
          {item.label.trim() || <span className="text-muted italic">Untitled item</span>}
          <span className="sr-only">, item {index + 1} of {count}</span>
        </h3>
        {itemIssues.length ? (
          <span className="text-xs text-bad">
            {plural(itemIssues.length, "issue")}
          </span>
        ) : null}
        <div className="flex gap-1" role="group" aria-label={`Arrange item ${index + 1}`}>
          <button type="button" id={`${prefix}-item-${index}-move-up`} className={smallButton} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move item ${index + 1} up`} title="Move up">
            ↑
          </button>
          <button
            type="button"
            id={`${prefix}-item-${index}-move-down`}
            className={smallButton}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={`Move item ${index + 1} down`}
            title="Move down"
          >
            ↓
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={!canAdd}
            onClick={() => dispatch({ type: "duplicate-item", index })}
            aria-label={`Duplicate item ${index + 1}`}
            title={canAdd ? "Duplicate" : "A rubric has at most 12 items"}
          >
            Duplicate
          </button>
          <button type="button" className={cn(smallButton, "hover:text-bad")} onClick={() => onRemove(index)} aria-label={`Remove item ${index + 1}`} title="Remove">
            Remove
          </button>
        </div>
      </div>

      <div className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1.1fr)_4.5rem_5.5rem]">
        <LabelledField className="col-span-2 sm:col-span-1" htmlFor={id("id")} label="Id" issues={fieldIssues("id")}>
          <input value={item.id} onChange={set("id")} spellCheck={false} autoComplete="off" {...control("id", "font-mono")} />
        </LabelledField>
        <LabelledField className="col-span-2 sm:col-span-1" htmlFor={id("kind")} label="Kind" issues={fieldIssues("kind")}>
          <select value={item.kind} onChange={(event) => dispatch({ type: "set-kind", index, kind: event.target.value as FormItem["kind"] })} {...control("kind")}>
            {rubricItemKinds.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField htmlFor={id("weight")} label="Weight" issues={fieldIssues("weight")}>
          <input value={item.weight} onChange={set("weight")} inputMode="decimal" autoComplete="off" {...control("weight", "tabular-nums")} />
        </LabelledField>
        <LabelledField htmlFor={id("near")} label="Near" issues={fieldIssues("near")}>
          <input
            value={item.near}
            onChange={set("near")}
            inputMode="numeric"
            autoComplete="off"
            placeholder="optional"
            title={`Optional: how many words apart the terms of a “...” pattern may be (${RUBRIC_LIMITS.nearMin}–${RUBRIC_LIMITS.nearMax}), even across sentences. Empty: within one sentence.`}
            {...control("near", "tabular-nums")}
            // Always described by its spoken help, and by its messages when there are any.
            aria-describedby={`${id("near")}-help${fieldIssues("near").length ? ` ${id("near")}-msg` : ""}`}
          />
          <span id={`${id("near")}-help`} className="sr-only">
            {`Optional. How many words apart the terms of a pattern may be, from ${RUBRIC_LIMITS.nearMin} to ${RUBRIC_LIMITS.nearMax}, even across sentences. Leave empty to keep them within one sentence.`}
          </span>
        </LabelledField>

        <LabelledField className="col-span-2 sm:col-span-4" htmlFor={id("label")} label="Label" issues={fieldIssues("label")}>
          <input value={item.label} onChange={set("label")} autoComplete="off" placeholder={misconception ? "Misconception: …" : "What the answer should say"} {...control("label")} />
        </LabelledField>

        <fieldset className="col-span-2 min-w-0 sm:col-span-4">
          <div className="flex items-baseline justify-between gap-2">
            <legend className="text-xs font-medium text-muted">{misconception ? "Patterns that catch the wrong claim" : "Concept patterns"} (any one matches)</legend>
            <PatternHelp />
          </div>
          <ul className="mt-1 space-y-1.5">
            {item.concept.map((pattern, patternIndex) => {
              const patternId = fieldDomId(prefix, { itemIndex: index, field: "concept", patternIndex });
              const patternIssues = issuesFor(issues, index, "concept", patternIndex);
              return (
                <li key={patternIndex}>
                  <div className="flex gap-1.5">
                    <input
                      id={patternId}
                      value={pattern}
                      onChange={(event) => dispatch({ type: "set-pattern", index, patternIndex, value: event.target.value })}
                      spellCheck={false}
                      autoComplete="off"
                      aria-label={`Pattern ${patternIndex + 1} of item ${index + 1}`}
                      placeholder="e.g. {acks-all} ... (isr | in sync replica*)"
                      className={inputClasses(patternIssues.length > 0, "font-mono text-[0.8rem]")}
                      data-testid={`item-pattern-${index}-${patternIndex}`}
                      {...describedBy(`${patternId}-msg`, patternIssues)}
                    />
                    <button
                      type="button"
                      className={cn(smallButton, "h-auto")}
                      onClick={() => dispatch({ type: "remove-pattern", index, patternIndex })}
                      disabled={item.concept.length === 1 && !pattern}
                      aria-label={`Remove pattern ${patternIndex + 1} of item ${index + 1}`}
                      title="Remove pattern"
                    >
                      ✕
                    </button>
                  </div>
                  <SetChips pattern={pattern} vocabulary={vocabulary} />
                  <FieldMessages id={`${patternId}-msg`} issues={patternIssues} />
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            onClick={() => dispatch({ type: "add-pattern", index })}
            className="mt-1.5 text-xs font-medium text-accent hover:underline"
            data-testid={`item-add-pattern-${index}`}
          >
            + Add a pattern
          </button>
        </fieldset>

        <LabelledField
          className="col-span-2 sm:col-span-4"
          htmlFor={id(textField)}
          label={misconception ? "Correction: what is actually true" : "Hint: one sentence a candidate could say"}
          issues={fieldIssues(textField)}
        >
          <textarea value={misconception ? item.correction : item.hint} onChange={set(textField)} rows={2} {...control(textField, "field-sizing-content min-h-[3.6rem] resize-y leading-snug")} />
        </LabelledField>
      </div>
    </li>
  );
}

export const ItemCard = memo(ItemCardView);

/** The synonym sets a pattern names, each marked known (with its size) or unknown. */
function SetChips({ pattern, vocabulary }: { pattern: string; vocabulary: Vocabulary }) {
  let sets: string[];
  try {
    sets = [...new Set(setsUsed(parseConceptPattern(pattern)))];
  } catch {
    return null;
  }
  if (sets.length === 0) return null;
  return (
    <p className="mt-1 flex flex-wrap gap-1 text-[0.7rem]">
      {sets.map((name) => {
        const entries = vocabulary[name];
        return entries ? (
          <span key={name} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-muted" title={entries.slice(0, 12).join(" · ")}>
            {`{${name}}`} · {plural(entries.length, "phrase")}
          </span>
        ) : (
          <span key={name} className="rounded bg-bad-soft px-1.5 py-0.5 font-mono text-bad">
            {`{${name}}`} · unknown set
          </span>
        );
      })}
    </p>
  );
}

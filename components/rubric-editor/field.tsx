// Small form building blocks shared by the editor: a labelled field with its messages wired to the
// input (aria-describedby, aria-invalid), and the input styles.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { IssueLike } from "./draft-state";

export const inputClasses = (invalid: boolean, className?: string) =>
  cn(
    "w-full rounded-lg border bg-surface px-2.5 py-1.5 text-sm text-text placeholder:text-muted/70 focus-visible:outline-2 focus-visible:outline-offset-0",
    invalid ? "border-bad" : "border-border",
    className,
  );

/** The message without the "Item 3 ("acks-all"): " prefix, which is obvious next to the field. */
export function fieldMessage(message: string): string {
  return message.replace(/^Item \d+(?: \("[^"]*"\))?: /, "");
}

export function FieldMessages({ id, issues, help }: { id: string; issues: IssueLike[]; help?: ReactNode }) {
  if (issues.length === 0 && !help) return null;
  return (
    <div id={id} className="mt-1 space-y-0.5 text-xs leading-snug">
      {issues.map((issue, index) => (
        <p key={index} className="text-bad">
          <span aria-hidden="true">⚠ </span>
          {fieldMessage(issue.message)}
        </p>
      ))}
      {help ? <p className="text-muted">{help}</p> : null}
    </div>
  );
}

/** aria props for an input with messages below it. */
export function describedBy(messagesId: string, issues: IssueLike[], hasHelp = false) {
  return {
    "aria-invalid": issues.length > 0 ? (true as const) : undefined,
    "aria-describedby": issues.length > 0 || hasHelp ? messagesId : undefined,
  };
}

/**
 * A field of the form: its label, the control (`children`, whose id is `htmlFor`) and the messages
 * below it, with the id `${htmlFor}-msg` that describedBy points the control at.
 */
export function LabelledField({ className, htmlFor, label, issues, children }: { className?: string; htmlFor: string; label: ReactNode; issues: IssueLike[]; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
      <FieldMessages id={`${htmlFor}-msg`} issues={issues} />
    </div>
  );
}

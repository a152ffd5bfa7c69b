"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { changeRoleAction } from "@/app/(admin)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ROLE_LABELS, ROLE_POWERS } from "./role-labels";


/**
 * A role picker that asks before it acts: choosing a role shows what changes and a Confirm button;
 * the server action checks the caller is an admin and refuses to demote the last one.
 */
export function RoleSelect({ userId, name, email, role, isSelf }: { userId: string; name: string; email: string; role: Role; isSelf: boolean }) {
  const router = useRouter();
  const id = useId();
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const who = name || email;

  const confirm = () => {
    if (!pendingRole) return;
    const role = pendingRole;
    startSaving(async () => {
      let outcome: { ok: boolean; message: string };
      try {
        outcome = await changeRoleAction({ userId, role });
      } catch {
        outcome = { ok: false, message: "We could not reach Offset — check your connection and try again." };
      }
      setResult(outcome);
      setPendingRole(null);
      if (outcome.ok) router.refresh();
    });
  };

  const cancel = () => {
    setPendingRole(null);
    setResult(null);
  };

  const selfDemotion = isSelf && role === "admin" && pendingRole !== null && pendingRole !== "admin";

  return (
    <div className="flex min-w-0 flex-col gap-2" onKeyDown={(event) => event.key === "Escape" && pendingRole && cancel()}>
      <select
        aria-label={`Role for ${who}`}
        aria-describedby={`${id}-status`}
        value={pendingRole ?? role}
        disabled={saving}
        onChange={(event) => {
          const next = event.target.value as Role;
          setResult(null);
          setPendingRole(next === role ? null : next);
        }}
        className={cn(
          "h-9 w-full max-w-44 rounded-lg border bg-surface px-2.5 text-sm text-text disabled:opacity-60",
          pendingRole ? "border-accent ring-1 ring-accent" : "border-border",
        )}
        data-testid={`role-select-${userId}`}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      <div id={`${id}-status`} aria-live="polite" className="text-sm">
        {pendingRole ? (
          <div className="flex flex-col gap-2 rounded-lg border border-border bg-surface-2 p-2.5" data-testid={`role-confirm-${userId}`}>
            <p>
              Make <span className="font-medium">{who}</span> {pendingRole === "admin" || pendingRole === "instructor" ? "an" : "a"}{" "}
              <span className="font-medium">{ROLE_LABELS[pendingRole].toLowerCase()}</span>? They {ROLE_POWERS[pendingRole]}.
            </p>
            {selfDemotion ? <p className="text-warn">This is your own account: you will lose access to this page at once.</p> : null}
            <div className="flex gap-2">
              <Button size="sm" onClick={confirm} disabled={saving} data-testid={`role-confirm-button-${userId}`}>
                {saving ? "Saving…" : "Confirm"}
              </Button>
              <Button size="sm" variant="secondary" onClick={cancel} disabled={saving}>
                Cancel
              </Button>
            </div>
          </div>
        ) : result ? (
          <p className={result.ok ? "text-good" : "text-bad"} role={result.ok ? undefined : "alert"} data-testid={`role-result-${userId}`}>
            {result.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}

import type { ReactNode } from "react";
import { LogoMark } from "@/components/layout/logo";

export function AuthShell({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md py-6">
      <div className="rounded-2xl border border-border bg-surface p-7 shadow-sm">
        <LogoMark className="h-9 w-9" />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1.5 mb-6 text-sm leading-relaxed text-muted">{description}</p>
        {children}
      </div>
    </div>
  );
}

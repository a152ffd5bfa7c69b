import type { ReactNode } from "react";

export interface Stat {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}

export function StatTiles({ stats }: { stats: Stat[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="history-stats">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-2xl border border-border bg-surface p-4 sm:p-5">
          <dt className="text-sm text-muted">{stat.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl">{stat.value}</dd>
          {stat.detail ? <dd className="mt-1 text-xs text-muted">{stat.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

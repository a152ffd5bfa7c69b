import type { ReactNode } from "react";

/**
 * The header row of a grid of rubric points (the question timeline's matrix, the miss heat map): the
 * sticky point column, `children` as one heading per attempt or period, then the "Missed" total.
 */
export function PointGridHead({ children, missedClassName }: { children: ReactNode; missedClassName: string }) {
  return (
    <thead>
      <tr className="text-xs text-muted">
        <th scope="col" className="sticky left-0 z-10 bg-surface pr-3 pb-2 font-medium">
          Rubric point
        </th>
        {children}
        <th scope="col" className={missedClassName}>
          Missed
        </th>
      </tr>
    </thead>
  );
}

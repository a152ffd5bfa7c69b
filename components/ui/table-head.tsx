import type { ReactNode } from "react";

/** One column of a table's header: its heading and the classes of its <th>. */
export type TableColumn = readonly [heading: ReactNode, className: string];

/**
 * A data table's single header row. Every heading is a <th scope="col">, so screen readers announce
 * each cell with its column, whichever table it is in.
 */
export function TableHead({ className, rowClassName, columns }: { className?: string; rowClassName?: string; columns: readonly TableColumn[] }) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map(([heading, cellClassName], index) => (
          <th key={index} scope="col" className={cellClassName}>
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}

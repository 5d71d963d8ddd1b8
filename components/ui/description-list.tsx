import type { ReactNode } from "react";

export interface Description {
  term: string;
  value: ReactNode;
}

/** Label/value pairs in two columns, as ACK's "Basic Information" blocks. */
export function DescriptionList({ items }: { items: Description[] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-8 gap-y-2.5">
      {items.map(({ term, value }) => (
        <div key={term} className="grid grid-cols-[10rem_minmax(0,1fr)] items-baseline gap-2">
          <dt className="text-muted">{term}</dt>
          <dd className="min-w-0 break-words">{value ?? <span className="text-muted">-</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

import { EmptyState } from "@/components/ui/empty-state";

/** Labels or annotations: keys in a column, values as written (long ones wrap). */
export function KeyValueList({ entries, label }: { entries: Record<string, string> | undefined; label: string }) {
  const list = Object.entries(entries ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (list.length === 0) return <EmptyState title={`No ${label.toLowerCase()}`} />;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(12rem,auto)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
      {list.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="break-all whitespace-pre-wrap">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

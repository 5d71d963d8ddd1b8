// spec.traffic before and after, one line per target (the latest-revision target, or a pinned
// revision), as trafficDiff sums them: the review of OK, and in a conflict the Service's current
// split beside the user's.

import { ArrowRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import type { TrafficDiffRow } from "@/lib/knative/split-output";
import { RowSwatch } from "./row-swatch";

export interface DiffLabels {
  /** The table's accessible name. */
  table: string;
  before: string;
  after: string;
}

export function TrafficDiffTable({
  rows,
  labels,
  targetLabel,
  targetColor,
}: {
  rows: TrafficDiffRow[];
  labels: DiffLabels;
  targetLabel: (row: TrafficDiffRow) => string;
  targetColor: (row: TrafficDiffRow) => string;
}) {
  return (
    <div className="rounded border border-line">
      <Table aria-label={labels.table}>
        <THead>
          <tr>
            <TH className="px-2.5">Target</TH>
            <TH className="px-2.5 text-right">{labels.before}</TH>
            <TH className="w-6 px-0" aria-hidden />
            <TH className="px-2.5 text-right">{labels.after}</TH>
            <TH className="px-2.5">Tags</TH>
          </tr>
        </THead>
        <tbody>
          {rows.map((row) => (
            <TR key={row.id} className={row.changed ? "bg-blue-50/40" : undefined}>
              <TD className="px-2.5">
                <span className="flex items-center gap-1.5">
                  <RowSwatch color={targetColor(row)} striped={row.latest} />
                  <span className="break-all">{targetLabel(row)}</span>
                </span>
              </TD>
              <TD className="px-2.5 text-right tabular-nums text-muted">{row.beforePercent} %</TD>
              <TD className="px-0 text-center text-muted">
                <ArrowRight aria-hidden className="inline size-3.5" />
              </TD>
              <TD className={cn("px-2.5 text-right tabular-nums", row.afterPercent !== row.beforePercent && "font-semibold text-ink")}>{row.afterPercent} %</TD>
              <TD className="px-2.5">
                <TagChange before={row.beforeTags} after={row.afterTags} />
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function TagChange({ before, after }: { before: string[]; after: string[] }) {
  const same = before.join(",") === after.join(",");
  if (same) return before.length === 0 ? <span className="text-muted">-</span> : <Tags tags={before} />;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {before.length === 0 ? <span className="text-muted">none</span> : <Tags tags={before} struck />}
      <ArrowRight aria-label="becomes" className="size-3 text-muted" />
      {after.length === 0 ? <span className="text-muted">none</span> : <Tags tags={after} />}
    </span>
  );
}

function Tags({ tags, struck }: { tags: string[]; struck?: boolean }) {
  return (
    <>
      {tags.map((t) => (
        <span key={t} className={cn("rounded bg-slate-100 px-1.5 py-px font-mono text-xs", struck && "text-muted line-through")}>
          {t}
        </span>
      ))}
    </>
  );
}

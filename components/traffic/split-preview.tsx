// The split as it will be, as a stacked bar in the rows' colours, with its total. While free
// typing has the total off 100, the bar shows the gap (under 100) or is scaled to the total
// (over 100), and the total says by how much.

import { cn } from "@/components/ui/cn";
import { rowLabel, splitTotal, type SplitState } from "@/lib/knative/split-state";
import { rowColor, rowFill } from "./row-swatch";
import { splitSummary } from "./split-summary";

export function SplitPreview({ state }: { state: SplitState }) {
  const total = splitTotal(state);
  const scale = Math.max(total, 100);
  const off = total - 100;
  return (
    <div className="flex items-center gap-3">
      <span role="img" aria-label={`New split: ${splitSummary(state)}`} className="flex h-3 min-w-0 flex-1 overflow-hidden rounded-sm bg-slate-100 ring-1 ring-inset ring-slate-200">
        {state.rows
          .filter((r) => r.percent > 0)
          .map((r) => (
            <span
              key={r.id}
              title={`${rowLabel(state, r)}: ${r.percent} %`}
              className="h-full border-r border-white last:border-r-0"
              style={{ width: `${(r.percent / scale) * 100}%`, ...rowFill(rowColor(state, r), r.kind === "latest") }}
            />
          ))}
      </span>
      <output aria-live="polite" className={cn("shrink-0 text-[13px] tabular-nums whitespace-nowrap", off === 0 ? "text-ink" : "font-medium text-red-700")}>
        Total {total} %{off === 0 ? "" : off > 0 ? ` (${off} over)` : ` (${-off} short)`}
      </output>
    </div>
  );
}

// Why statistics are missing, and what fixes it: a permission to grant or a setting to turn on.

import { AlertTriangle, Info } from "lucide-react";
import type { MetricsProblem } from "@/lib/metrics/types";

const TITLES: Record<MetricsProblem["kind"], string> = {
  forbidden: "Not allowed to read the pods' statistics",
  unreachable: "The API server cannot reach the pods",
  "request-metrics-off": "Request metrics are off",
  error: "Statistics could not be read",
};

export function MetricsProblems({ problems }: { problems: MetricsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {problems.map((p) => {
        const minor = p.kind === "request-metrics-off";
        const Icon = minor ? Info : AlertTriangle;
        return (
          <li
            key={`${p.kind}:${p.fix}`}
            role={minor ? "note" : "alert"}
            className={`flex gap-2 rounded border px-3 py-2 text-[13px] ${minor ? "border-blue-200 bg-blue-50 text-blue-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
          >
            <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div>
              <p className="font-medium">{TITLES[p.kind]}</p>
              <p>{p.message}</p>
              <p className="mt-0.5">
                <span className="font-medium">Fix: </span>
                {p.fix}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

// How far the run is: a progress bar of answered over planned requests, n / N, the elapsed
// time and what the run is doing, with where the requests went (the host they carry and the
// gateway they were sent to).

import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { RunState } from "./run-state";

const PHASES: Record<RunState["phase"], { label: string; tone: Tone }> = {
  idle: { label: "Not started", tone: "neutral" },
  starting: { label: "Connecting", tone: "info" },
  running: { label: "Sending", tone: "info" },
  finished: { label: "Done", tone: "success" },
  stopped: { label: "Stopped", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
};

export const formatElapsed = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

export function RunProgress({ state }: { state: RunState }) {
  const { label, tone } = PHASES[state.phase];
  const percent = state.planned > 0 ? (state.answered / state.planned) * 100 : 0;
  const host = state.url ? new URL(state.url).host : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-3">
        <Badge tone={tone}>{label}</Badge>
        <div
          role="progressbar"
          aria-label="Requests answered"
          aria-valuemin={0}
          aria-valuemax={state.planned}
          aria-valuenow={state.answered}
          aria-valuetext={`${state.answered} of ${state.planned} answered`}
          className="h-2 flex-1 overflow-hidden rounded-sm bg-slate-100"
        >
          <div className={cn("h-full transition-[width] duration-200", state.phase === "failed" ? "bg-red-400" : state.phase === "stopped" ? "bg-amber-400" : "bg-brand")} style={{ width: `${percent}%` }} />
        </div>
        <span className="text-[13px] whitespace-nowrap tabular-nums">
          <span className="font-medium">
            {state.answered} / {state.planned}
          </span>{" "}
          answered · {formatElapsed(state.elapsedMs)}
        </span>
      </div>
      {host && state.gateway ? (
        <p className="text-xs text-muted">
          <span className="font-mono">GET /</span> with <span className="font-mono">Host: {host}</span> to the gateway <span className="font-mono">{state.gateway}</span> ({state.gatewaySource})
        </p>
      ) : null}
    </div>
  );
}

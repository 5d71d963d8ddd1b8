"use client";

// The Service page's live traffic: the observed split beside the configured one (with drift),
// success rate and latency per revision, and the time charts, from the Service's own metrics
// stream. States are said, not left blank: waiting for the first second, scaled to zero, no
// requests yet, statistics unavailable (and what fixes it).

import dynamic from "next/dynamic";
import { useMemo } from "react";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { podRows, requestRateRows, revisionHealth, revisionsIn, splitWindow, successRateRows, trafficState } from "@/lib/metrics/windows";
import { useServiceMetrics } from "@/lib/queries/service-metrics";
import { MetricsProblems } from "./metrics-problems";
import { ObservedSplit } from "./observed-split";
import { RevisionHealthTable } from "./revision-health-table";

/** The observed split and the health table cover the last minute. */
export const LIVE_WINDOW_MS = 60_000;
/** The time charts show the last five minutes. */
const CHART_SPAN_MS = 5 * 60_000;
const SUCCESS_SMOOTHING_MS = 10_000;

const TrafficCharts = dynamic(() => import("./traffic-charts"), {
  ssr: false,
  loading: () => (
    <div role="status" aria-label="Loading the charts">
      <Skeleton className="h-52 w-full" />
    </div>
  ),
});

const STATE_TEXT = {
  "scaled-to-zero": "Scaled to zero: no pods are running. The next request starts one (a cold start through the activator).",
  "no-requests": "No requests in the last minute. Send some to the Service URL and watch them arrive here.",
} as const;

export function LiveTrafficSection({ cluster, namespace, name }: { cluster: string; namespace: string; name: string }) {
  const { samples, stream } = useServiceMetrics(cluster, namespace, name);
  const view = useMemo(() => {
    const last = samples.at(-1);
    const shown = last ? samples.filter((s) => last.at - s.at < CHART_SPAN_MS) : [];
    const revisions = revisionsIn(shown);
    const health = revisionHealth(samples, revisions, LIVE_WINDOW_MS);
    return {
      last,
      revisions,
      state: trafficState(samples, LIVE_WINDOW_MS),
      split: splitWindow(samples, LIVE_WINDOW_MS),
      health,
      rateRows: requestRateRows(shown, revisions),
      successRows: health ? successRateRows(shown, revisions, SUCCESS_SMOOTHING_MS) : undefined,
      podRows: podRows(shown, revisions),
    };
  }, [samples]);
  const revisionHref = (revision: string) => consoleRoutes.revision(cluster, namespace, name, revision);

  const status =
    stream === "open" ? (
      <span className="flex items-center gap-1.5 text-xs text-muted">
        <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
        Live, every second
      </span>
    ) : (
      <span className="text-xs text-muted">{stream === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
    );

  return (
    <Section title="Live Traffic" actions={status}>
      {!view.last ? (
        // Shaped as a page's first reading usually is (a state line, the split, the charts), so
        // the sections below move as little as they can when it arrives.
        <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading live traffic">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-44 w-full" />
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <MetricsProblems problems={view.last.problems} />
          {view.state.kind === "scaled-to-zero" || view.state.kind === "no-requests" ? (
            <p role="status" className="rounded border border-line bg-slate-50 px-3 py-2 text-[13px] text-slate-700">
              {STATE_TEXT[view.state.kind]}
            </p>
          ) : null}
          {view.state.kind !== "unavailable" && view.split ? (
            <div className={`grid grid-cols-1 gap-4 ${view.health ? "2xl:grid-cols-2" : ""}`}>
              <div>
                <h3 className="mb-1 text-xs font-medium text-slate-600">Split: configured and observed</h3>
                <ObservedSplit window={view.split} revisionHref={revisionHref} />
              </div>
              {view.health ? (
                <div>
                  <h3 className="mb-1 text-xs font-medium text-slate-600">Success rate and latency</h3>
                  <RevisionHealthTable health={view.health} windowSeconds={LIVE_WINDOW_MS / 1000} revisionHref={revisionHref} />
                </div>
              ) : null}
            </div>
          ) : null}
          {view.state.kind !== "unavailable" ? (
            <TrafficCharts rateRows={view.rateRows} successRows={view.successRows} podRows={view.podRows} revisions={view.revisions} />
          ) : null}
        </div>
      )}
    </Section>
  );
}

"use client";

// The Service page's time charts, drawn with Recharts and loaded only when the page shows them
// (live-traffic-section.tsx imports this file lazily). They draw what lib/metrics/windows.ts
// computed; no arithmetic happens here. Animations are off: the data moves every second.

import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { revisionColor } from "@/components/revisions/revision-color";

type Row = Record<string, number | null>;

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const AXIS = { fontSize: 11, stroke: "#64748b" } as const;

function ChartFrame({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} className="h-44">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function latest(rows: Row[], revisions: readonly string[], unit: string): string {
  const row = rows.at(-1);
  if (!row) return "no data yet";
  return revisions.map((r) => `${r} ${row[r] ?? "-"}${row[r] === null || row[r] === undefined ? "" : unit}`).join(", ");
}

export function RequestRateChart({ rows, revisions }: { rows: Row[]; revisions: readonly string[] }) {
  return (
    <ChartFrame title="Requests per second" summary={latest(rows, revisions, " req/s")}>
      <AreaChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} tickFormatter={clock} tick={AXIS} minTickGap={40} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip labelFormatter={(v) => clock(Number(v))} isAnimationActive={false} />
        {revisions.map((r) => (
          <Area key={r} type="monotone" dataKey={r} stackId="rps" stroke={revisionColor(r)} fill={revisionColor(r)} fillOpacity={0.35} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}

export function SuccessRateChart({ rows, revisions }: { rows: Row[]; revisions: readonly string[] }) {
  return (
    <ChartFrame title="Success rate (non-5xx, %)" summary={latest(rows, revisions, " %")}>
      <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} tickFormatter={clock} tick={AXIS} minTickGap={40} />
        <YAxis domain={[0, 100]} tick={AXIS} />
        <Tooltip labelFormatter={(v) => clock(Number(v))} isAnimationActive={false} />
        {revisions.map((r) => (
          <Line key={r} type="monotone" dataKey={r} stroke={revisionColor(r)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

export function PodsChart({ rows, revisions }: { rows: Row[]; revisions: readonly string[] }) {
  // Stacked, so revisions with the same count do not hide each other.
  return (
    <ChartFrame title="Ready pods" summary={latest(rows, revisions, "")}>
      <AreaChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} tickFormatter={clock} tick={AXIS} minTickGap={40} />
        <YAxis allowDecimals={false} tick={AXIS} />
        <Tooltip labelFormatter={(v) => clock(Number(v))} isAnimationActive={false} />
        {revisions.map((r) => (
          <Area key={r} type="stepAfter" dataKey={r} stackId="pods" stroke={revisionColor(r)} fill={revisionColor(r)} fillOpacity={0.35} isAnimationActive={false} />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}

/** The three time charts in a row. */
export default function TrafficCharts(props: { rateRows: Row[]; successRows: Row[] | undefined; podRows: Row[]; revisions: readonly string[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <RequestRateChart rows={props.rateRows} revisions={props.revisions} />
      {props.successRows ? (
        <SuccessRateChart rows={props.successRows} revisions={props.revisions} />
      ) : (
        <figure className="flex flex-col gap-1">
          <figcaption className="text-xs font-medium text-slate-600">Success rate (non-5xx, %)</figcaption>
          <div className="flex h-44 items-center justify-center rounded border border-dashed border-line px-4 text-center text-xs text-muted">
            Needs the revisions&apos; request metrics (see the note above).
          </div>
        </figure>
      )}
      <PodsChart rows={props.podRows} revisions={props.revisions} />
    </div>
  );
}

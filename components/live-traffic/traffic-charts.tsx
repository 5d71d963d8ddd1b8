"use client";

// The Service page's time charts, drawn with Recharts and loaded only when the page shows them
// (live-traffic-section.tsx imports this file lazily). They draw what lib/metrics/windows.ts
// computed; no arithmetic happens here. Animations are off: the data moves every second.

import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { revisionColor } from "@/components/revisions/revision-color";
import { timeTicks } from "@/lib/metrics/time-ticks";

type Row = Record<string, number | null>;

interface ChartProps {
  rows: Row[];
  revisions: readonly string[];
}

/** How a chart draws each revision's series. */
type Series =
  /** Stacked, so revisions with the same value do not hide each other. */
  | { shape: "stacked-area"; curve: "monotone" | "stepAfter" }
  /** Side by side: rates do not add up. A gap where a revision has no value. */
  | { shape: "line" };

interface TimeChartProps extends ChartProps {
  /** The caption, and the start of the accessible name (the e2e page object finds charts by it). */
  title: string;
  /** After each value in the accessible name: " req/s", " %", "". */
  unit: string;
  series: Series;
  /** Whole numbers only on the value axis (counts). */
  wholeNumbers?: boolean;
  /** The value axis' fixed range; from the data when not given. */
  valueDomain?: [number, number];
}

const clockSeconds = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const clockMinutes = (at: number) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const AXIS = { fontSize: 11, stroke: "#64748b" } as const;

function ChartFigure({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <figure className="flex min-w-0 flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600">{title}</figcaption>
      {children}
    </figure>
  );
}

/** Revisions over time: the grid, time axis, value axis and tooltip every chart shares. */
function TimeChart({ title, unit, rows, revisions, series, wholeNumbers, valueDomain }: TimeChartProps) {
  const Chart = series.shape === "line" ? LineChart : AreaChart;
  const [first, last] = [rows[0]?.at, rows.at(-1)?.at];
  // No rows, no ticks: a tick at 0 would label an empty chart with the epoch's time.
  const time = first != null && last != null ? timeTicks(first, last) : { ticks: [], stepMs: 0 };
  return (
    <ChartFigure title={title}>
      <div role="img" aria-label={`${title}: ${latest(rows, revisions, unit)}`} className="h-44">
        <ResponsiveContainer width="100%" height="100%">
          <Chart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="at"
              type="number"
              domain={["dataMin", "dataMax"]}
              ticks={time.ticks}
              tickFormatter={time.stepMs < 60_000 ? clockSeconds : clockMinutes}
              tick={AXIS}
              minTickGap={24}
            />
            <YAxis allowDecimals={!wholeNumbers} domain={valueDomain} tick={AXIS} />
            <Tooltip labelFormatter={(v) => clockSeconds(Number(v))} isAnimationActive={false} />
            {revisions.map((r) =>
              series.shape === "line" ? (
                <Line key={r} type="monotone" dataKey={r} stroke={revisionColor(r)} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
              ) : (
                <Area key={r} type={series.curve} dataKey={r} stackId={title} stroke={revisionColor(r)} fill={revisionColor(r)} fillOpacity={0.35} isAnimationActive={false} />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}

/** Each revision's latest value, for the accessible name. */
function latest(rows: Row[], revisions: readonly string[], unit: string): string {
  const row = rows.at(-1);
  if (!row) return "no data yet";
  return revisions.map((r) => `${r} ${row[r] ?? "-"}${row[r] === null || row[r] === undefined ? "" : unit}`).join(", ");
}

const SUCCESS_RATE_TITLE = "Success rate (non-5xx, %)";

export function RequestRateChart(props: ChartProps) {
  return <TimeChart {...props} title="Requests per second" unit=" req/s" series={{ shape: "stacked-area", curve: "monotone" }} wholeNumbers />;
}

export function SuccessRateChart(props: ChartProps) {
  return <TimeChart {...props} title={SUCCESS_RATE_TITLE} unit=" %" series={{ shape: "line" }} valueDomain={[0, 100]} />;
}

export function PodsChart(props: ChartProps) {
  // A pod count changes in steps, not along a curve.
  return <TimeChart {...props} title="Ready pods" unit="" series={{ shape: "stacked-area", curve: "stepAfter" }} wholeNumbers />;
}

/** The three time charts in a row. */
export default function TrafficCharts(props: { rateRows: Row[]; successRows: Row[] | undefined; podRows: Row[]; revisions: readonly string[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <RequestRateChart rows={props.rateRows} revisions={props.revisions} />
      {props.successRows ? (
        <SuccessRateChart rows={props.successRows} revisions={props.revisions} />
      ) : (
        <ChartFigure title={SUCCESS_RATE_TITLE}>
          <div className="flex h-44 items-center justify-center rounded border border-dashed border-line px-4 text-center text-xs text-muted">
            Needs the revisions&apos; request metrics (see the note above).
          </div>
        </ChartFigure>
      )}
      <PodsChart rows={props.podRows} revisions={props.revisions} />
    </div>
  );
}

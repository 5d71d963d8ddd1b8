// The configured split beside the observed one over a sliding window, with the sample size and
// a drift flag per revision when noise cannot explain the difference. Plain HTML bars: this is
// the panel a user reads during a canary, so it needs no chart library.

import { RevisionName } from "@/components/revisions/revision-name";
import { revisionColor } from "@/components/revisions/revision-color";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { SplitWindow } from "@/lib/metrics/windows";
import { type DriftVerdict, MIN_REQUESTS_FOR_DRIFT } from "@/lib/metrics/drift";
import { LiveValue } from "./live-value";

/** A configured percent, as the Service's traffic block has it. */
const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
/** An observed share, always with one decimal, so that it does not flicker between "50 %" and "50.4 %". */
const observedPct = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The line under the table: the sample size, where it comes from, and the drift rule, as one string (see LiveValue). */
function sampleNote(window: SplitWindow, seconds: number): string {
  const counted = sampleSize(window, seconds);
  const source = window.source === "rates" ? " (from queue-proxy's per-second rates, an estimate)" : "";
  const viaTag = window.viaTag > 0 ? `, not counting ${window.viaTag} through tag URLs, which the split does not govern` : "";
  const rule = window.drift
    ? "Drift is flagged when the configured share lies outside the observed share's 99.9 % binomial (Wilson) interval."
    : `Drift is judged from ${MIN_REQUESTS_FOR_DRIFT} requests on.`;
  return `${counted}${source}${viaTag}. ${rule}`;
}

/** How many requests the observed split counts, and since when. */
function sampleSize(window: SplitWindow, seconds: number): string {
  if (!window.sinceSplitChange) return `${window.total} requests over the last ${seconds} s`;
  if (window.spanMs === 0) return "The split just changed: counting starts with the next full second";
  return `${window.total} requests in the ${seconds} s since the split changed`;
}

/** How far a drifting revision's share is from its configured one, in one string (see LiveValue). */
function driftText(verdict: DriftVerdict): string {
  const sign = verdict.observed > verdict.expected ? "+" : "−";
  const points = Math.abs(verdict.observed - verdict.expected) * 100;
  return `Drift: ${sign}${points.toFixed(1)} pts (${verdict.beyondNoisePoints.toFixed(1)} beyond noise)`;
}

export function ObservedSplit({ window, revisionHref }: { window: SplitWindow; revisionHref: (revision: string) => string }) {
  const revisions = [...new Set([...Object.keys(window.configured), ...Object.keys(window.observed)])].sort();
  const percentSum = Object.values(window.configured).reduce((a, b) => a + b, 0) || 100;
  const seconds = Math.round(window.spanMs / 1000);
  return (
    <div className="flex flex-col gap-2">
      <Table aria-label="Configured and observed split">
        <THead>
          <tr>
            <TH>Revision</TH>
            <TH>Configured</TH>
            <TH className="w-2/5">Observed</TH>
            <TH>Requests</TH>
            <TH>Drift</TH>
          </tr>
        </THead>
        <tbody>
          {revisions.map((revision) => {
            const configured = (window.configured[revision] ?? 0) / percentSum;
            const requests = window.observed[revision] ?? 0;
            const observed = window.total > 0 ? requests / window.total : 0;
            const verdict = window.drift?.find((v) => v.revision === revision);
            return (
              <TR key={revision}>
                <TD>
                  <RevisionName name={revision} href={revisionHref(revision)} />
                </TD>
                <TD>
                  <LiveValue minCh={6}>{pct(configured)}</LiveValue>
                </TD>
                <TD>
                  <div className="flex items-center gap-2">
                    <div className="relative h-2.5 flex-1 rounded-sm bg-slate-100" aria-hidden>
                      <span className="absolute inset-y-0 left-0 rounded-sm" style={{ width: `${observed * 100}%`, backgroundColor: revisionColor(revision) }} />
                      <span className="absolute -inset-y-0.5 w-0.5 bg-slate-700" style={{ left: `calc(${configured * 100}% - 1px)` }} title="Configured" />
                    </div>
                    <LiveValue minCh={7}>{window.total > 0 ? observedPct(observed) : "-"}</LiveValue>
                  </div>
                </TD>
                <TD>
                  <LiveValue minCh={6}>{String(requests)}</LiveValue>
                </TD>
                <TD>
                  {!verdict ? (
                    <span className="text-muted">-</span>
                  ) : verdict.drifting ? (
                    <Badge tone="warning" className="tabular-nums">
                      {driftText(verdict)}
                    </Badge>
                  ) : (
                    <Badge tone="success">As configured</Badge>
                  )}
                </TD>
              </TR>
            );
          })}
        </tbody>
      </Table>
      <p className="px-3 pb-1 text-xs text-muted tabular-nums">{sampleNote(window, seconds)}</p>
    </div>
  );
}

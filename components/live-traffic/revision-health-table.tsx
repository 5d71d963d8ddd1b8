// Success rate and latency quantiles per revision, side by side: canary beside stable.

import { RevisionName } from "@/components/revisions/revision-name";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { RevisionHealth } from "@/lib/metrics/windows";

const ms = (seconds: number | undefined) => (seconds === undefined ? "-" : seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${Math.round(seconds * 100) / 100} s`);

export function RevisionHealthTable({ health, windowSeconds, revisionHref }: { health: RevisionHealth[]; windowSeconds: number; revisionHref: (revision: string) => string }) {
  return (
    <Table aria-label={`Success rate and latency per revision, last ${windowSeconds} s`}>
      <THead>
        <tr>
          <TH>Revision</TH>
          <TH>Requests</TH>
          <TH>Success rate</TH>
          <TH>p50</TH>
          <TH>p95</TH>
          <TH>p99</TH>
        </tr>
      </THead>
      <tbody>
        {health.map((h) => (
          <TR key={h.revision}>
            <TD>
              <RevisionName name={h.revision} href={revisionHref(h.revision)} />
            </TD>
            <TD className="tabular-nums">{h.requests}</TD>
            <TD className={`tabular-nums ${h.successRate !== undefined && h.successRate < 0.99 ? "font-medium text-red-700" : ""}`}>
              {h.successRate === undefined ? "-" : `${Math.round(h.successRate * 1000) / 10} %`}
            </TD>
            <TD className="tabular-nums">{ms(h.p50)}</TD>
            <TD className="tabular-nums">{ms(h.p95)}</TD>
            <TD className="tabular-nums">{ms(h.p99)}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

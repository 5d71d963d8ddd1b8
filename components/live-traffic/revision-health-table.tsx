// Success rate and latency quantiles per revision, side by side: canary beside stable.

import { RevisionName } from "@/components/revisions/revision-name";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { RevisionHealth } from "@/lib/metrics/windows";
import { LiveValue } from "./live-value";

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
            <TD>
              <LiveValue minCh={6}>{String(h.requests)}</LiveValue>
            </TD>
            <TD className={h.successRate !== undefined && h.successRate < 0.99 ? "font-medium text-red-700" : ""}>
              <LiveValue minCh={7}>{h.successRate === undefined ? "-" : `${Math.round(h.successRate * 1000) / 10} %`}</LiveValue>
            </TD>
            {(["p50", "p95", "p99"] as const).map((quantile) => (
              <TD key={quantile}>
                <LiveValue minCh={8}>{ms(h[quantile])}</LiveValue>
              </TD>
            ))}
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

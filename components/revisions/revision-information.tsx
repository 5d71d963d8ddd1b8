"use client";

import Link from "next/link";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { Hint } from "@/components/ui/tooltip";
import { RevisionName } from "./revision-name";
import type { RevisionRow } from "./revision-row";

const SHOWN_ENV = 2;

function EnvCell({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="text-muted">-</span>;
  const shown = lines.slice(0, SHOWN_ENV);
  const more = lines.length - shown.length;
  return (
    <div className="font-mono text-xs">
      {shown.map((l) => (
        <div key={l} className="max-w-56 truncate" title={l}>
          {l}
        </div>
      ))}
      {more > 0 ? (
        <Hint focusable={false} content={<pre className="font-mono whitespace-pre-wrap">{lines.join("\n")}</pre>}>
          <button type="button" className="text-brand hover:underline">
            +{more} more
          </button>
        </Hint>
      ) : null}
    </div>
  );
}

function Pods({ row }: { row: RevisionRow }) {
  if (row.actualReplicas === undefined && row.desiredReplicas === undefined) return <span className="text-muted">-</span>;
  return (
    <span aria-label={`${row.actualReplicas ?? 0} of ${row.desiredReplicas ?? 0} pods`}>
      {row.actualReplicas ?? 0}/{row.desiredReplicas ?? 0}
    </span>
  );
}

export function RevisionInformation({ cluster, namespace, service, rows }: { cluster: string; namespace: string; service: string; rows: RevisionRow[] }) {
  if (rows.length === 0) return <EmptyState title="No revisions yet">Knative creates the first revision when it reconciles the service.</EmptyState>;
  return (
    <Table aria-label="Revisions">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Traffic</TH>
          <TH>Tags</TH>
          <TH>Image</TH>
          <TH>Environment Variables</TH>
          <TH>Generation</TH>
          <TH>Status</TH>
          <TH>Pods</TH>
          <TH>Creation Time</TH>
          <TH>Actions</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((row) => {
          const href = consoleRoutes.revision(cluster, namespace, service, row.name);
          return (
            <TR key={row.name}>
              <TD className="whitespace-nowrap">
                <RevisionName name={row.name} href={href} />
                {row.latestCreated ? (
                  <Badge tone="neutral" className="ml-2">
                    Latest
                  </Badge>
                ) : null}
              </TD>
              <TD className="font-medium tabular-nums">{row.percent}%</TD>
              <TD>
                {row.tags.length === 0 ? (
                  <span className="text-muted">-</span>
                ) : (
                  <ul>
                    {row.tags.map((t) => (
                      <li key={t.tag}>
                        <Hint content={t.url}>
                          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                            {t.tag}
                          </span>
                        </Hint>
                        {t.url ? <div className="font-mono text-xs text-muted"><Breakable text={t.url} /></div> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </TD>
              <TD className="font-mono text-xs">{row.images.length ? <Breakable text={row.images.join(", ")} /> : "-"}</TD>
              <TD>
                <EnvCell lines={row.env} />
              </TD>
              <TD className="tabular-nums">{row.generation ?? "-"}</TD>
              <TD>
                <ReadinessBadge readiness={row.readiness} showReason />
              </TD>
              <TD className="tabular-nums">
                <Pods row={row} />
              </TD>
              <TD>
                <RelativeTime value={row.created} />
              </TD>
              <TD>
                <Link href={href} className="text-brand hover:underline" aria-label={`Details of ${row.name}`}>
                  Details
                </Link>
              </TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}

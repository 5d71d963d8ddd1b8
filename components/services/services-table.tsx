"use client";

import Link from "next/link";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { consoleRoutes } from "@/components/knative/console-routes";
import { RevisionName } from "@/components/revisions/revision-name";
import { TrafficBar } from "@/components/traffic/traffic-bar";
import { Breakable } from "@/components/ui/breakable";
import { RelativeTime } from "@/components/ui/relative-time";
import { SortableTH, TD, TH, THead, TR, Table } from "@/components/ui/table";
import type { ServiceRow } from "./service-row";
import type { ServicesFilters, SortColumn } from "./services-filters";

const COLUMNS: Array<{ id: SortColumn; label: string }> = [
  { id: "name", label: "Name" },
  { id: "status", label: "Status" },
  { id: "url", label: "Default Domain" },
  { id: "gateway", label: "Gateway" },
  { id: "latest", label: "Latest Revision" },
  { id: "traffic", label: "Traffic" },
  { id: "created", label: "Creation Time" },
];

export function ServicesTable({
  cluster,
  rows,
  sort,
  showNamespace,
  onSort,
}: {
  cluster: string;
  rows: ServiceRow[];
  sort: ServicesFilters["sort"];
  showNamespace: boolean;
  onSort: (column: SortColumn) => void;
}) {
  return (
    <Table aria-label="Services">
      <THead>
        <tr>
          {COLUMNS.map((c) => (
            <SortableTH key={c.id} direction={sort.column === c.id ? (sort.desc ? "desc" : "asc") : false} onSort={() => onSort(c.id)}>
              {c.label}
            </SortableTH>
          ))}
          <TH>Actions</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((row) => {
          const href = consoleRoutes.service(cluster, row.namespace, row.name);
          return (
            <TR key={row.key}>
              <TD className="whitespace-nowrap">
                <Link href={href} className="font-medium text-brand hover:underline">
                  {row.name}
                </Link>
                {showNamespace ? <div className="text-xs text-muted">{row.namespace}</div> : null}
              </TD>
              <TD>
                <ReadinessBadge readiness={row.readiness} />
              </TD>
              <TD className="font-mono text-xs">{row.url ? <Breakable text={row.url} /> : <span className="text-muted">-</span>}</TD>
              <TD className="font-mono text-xs whitespace-nowrap">{row.gateway ?? <span className="text-muted">-</span>}</TD>
              <TD className="whitespace-nowrap">{row.latestRevision ? <RevisionName name={row.latestRevision} /> : <span className="text-muted">-</span>}</TD>
              <TD>
                <TrafficBar shares={row.traffic} />
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

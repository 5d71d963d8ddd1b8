"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableSkeleton } from "@/components/ui/skeleton";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { Hint } from "@/components/ui/tooltip";
import type { ComponentHealth, KnativeInstallation } from "@/lib/queries/api-types";
import { componentsQuery } from "@/lib/queries/cluster-resources";

const TONE: Record<ComponentHealth, Tone> = { Ready: "success", Progressing: "info", Unavailable: "danger", "Not deployed": "neutral" };
const COLUMNS = ["Component", "Namespace", "Kind", "Status", "Replicas", "Version", "Creation Time"];

function InstallationSummary({ knative }: { knative: KnativeInstallation }) {
  if (knative.installed === true) {
    return (
      <p>
        Knative Serving <strong>{knative.version ?? "(version unknown)"}</strong> is installed.
      </p>
    );
  }
  if (knative.installed === false) return <p>Knative Serving is not installed in this cluster.</p>;
  return <p>The console could not tell whether Knative Serving is installed (no permission to look).</p>;
}

export function ComponentsTable({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery(componentsQuery(cluster));
  if (isPending) return <TableSkeleton columns={COLUMNS.length} rows={5} label="Loading components" />;
  if (error && !data) return <ErrorState error={error} what="the Knative components" onRetry={() => void refetch()} />;
  return (
    <div>
      <div className="border-b border-line px-3 py-2.5">
        <InstallationSummary knative={data.knative} />
      </div>
      {data.components.length === 0 ? (
        <EmptyState title="No Knative components found">The knative-serving namespace has no Deployments the console can read.</EmptyState>
      ) : (
        <Table aria-label="Components">
          <THead>
            <tr>
              {COLUMNS.map((c) => (
                <TH key={c}>{c}</TH>
              ))}
            </tr>
          </THead>
          <tbody>
            {data.components.map((c) => (
              <TR key={`${c.kind}/${c.namespace}/${c.name}`}>
                <TD className="font-medium">{c.name}</TD>
                <TD>{c.namespace}</TD>
                <TD className="text-muted">{c.kind}</TD>
                <TD>
                  <Hint content={c.detail}>
                    <Badge tone={TONE[c.health]}>{c.health}</Badge>
                  </Hint>
                  {c.kind === "Gateway" && c.detail ? <span className="ml-2 font-mono text-xs">{c.detail}</span> : null}
                </TD>
                <TD>{c.kind === "Deployment" ? `${c.readyReplicas}/${c.replicas}` : "-"}</TD>
                <TD>{c.version ?? <span className="text-muted">-</span>}</TD>
                <TD>
                  <RelativeTime value={c.creationTimestamp} />
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

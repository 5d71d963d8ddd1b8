"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ClustersTableSkeleton } from "./clusters-skeleton";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ClusterOverview, ClusterSource, KnativeInstallation } from "@/lib/queries/api-types";
import { clustersQuery } from "@/lib/queries/clusters";

const SOURCE_LABEL: Record<ClusterSource, string> = {
  embedded: "Embedded cluster",
  "in-cluster": "In-cluster service account",
  kubeconfig: "kubeconfig context",
};

function KnativeVersion({ knative }: { knative: KnativeInstallation }) {
  if (knative.installed === true) return <span>{knative.version ?? "installed (version unknown)"}</span>;
  if (knative.installed === false) return <span className="text-muted">not installed</span>;
  return <span className="text-muted">-</span>;
}

function Reachability({ cluster }: { cluster: ClusterOverview }) {
  if (cluster.reachable) return <Badge tone="success">Reachable</Badge>;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone="danger">Unreachable</Badge>
      {cluster.reason ? <span className="text-xs text-muted">{cluster.reason}</span> : null}
    </div>
  );
}

function ClusterRow({ cluster }: { cluster: ClusterOverview }) {
  return (
    <TR>
      <TD className="whitespace-nowrap">
        <Link href={`/clusters/${encodeURIComponent(cluster.id)}/knative`} className="font-medium text-brand hover:underline">
          {cluster.name}
        </Link>
        {cluster.namespace ? <span className="ml-2 text-xs text-muted">namespace {cluster.namespace}</span> : null}
      </TD>
      <TD className="whitespace-nowrap text-muted">{SOURCE_LABEL[cluster.source]}</TD>
      <TD className="font-mono text-xs">{cluster.server || "-"}</TD>
      <TD>
        <Reachability cluster={cluster} />
      </TD>
      <TD>{cluster.kubernetesVersion ?? <span className="text-muted">-</span>}</TD>
      <TD>
        <KnativeVersion knative={cluster.knative} />
      </TD>
      <TD>
        <Link href={`/clusters/${encodeURIComponent(cluster.id)}/knative`} className="text-brand hover:underline" aria-label={`Knative applications of ${cluster.name}`}>
          Knative
        </Link>
      </TD>
    </TR>
  );
}

const COLUMNS = ["Name", "Source", "API server", "Status", "Kubernetes", "Knative Serving", "Actions"];

export function ClustersTable() {
  const { data, error, isPending, refetch } = useQuery(clustersQuery());
  if (isPending) return <ClustersTableSkeleton />;
  if (error && !data) return <ErrorState error={error} what="the clusters" onRetry={() => void refetch()} />;
  if (!data || data.length === 0) {
    return (
      <EmptyState title="No clusters">
        Set <code>KUBECONFIG</code> or create <code>~/.kube/config</code>, or start the console with <code>npm start</code>, which runs the embedded cluster.
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Clusters">
      <THead>
        <tr>
          {COLUMNS.map((c) => (
            <TH key={c}>{c}</TH>
          ))}
        </tr>
      </THead>
      <tbody>
        {data.map((cluster) => (
          <ClusterRow key={cluster.id} cluster={cluster} />
        ))}
      </tbody>
    </Table>
  );
}

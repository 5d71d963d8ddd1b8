import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppFrame } from "@/components/layout/app-frame";
import { ConnectionBanner } from "@/components/live/connection-banner";
import { LiveUpdates } from "@/components/live/live-updates";
import { toSummary } from "@/lib/k8s/cluster-ref";
import { listClusters } from "@/lib/k8s/cluster-registry";

/** Every page inside a cluster shares one live connection to it and its reachability banner. */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Promise<{ cluster: string }> }) {
  const { cluster: id } = await params;
  const cluster = listClusters().find((c) => c.id === id);
  if (!cluster) notFound();
  const summary = toSummary(cluster);
  return (
    <LiveUpdates cluster={summary.id} clusterName={summary.name}>
      <AppFrame cluster={summary} banner={<ConnectionBanner />}>
        {children}
      </AppFrame>
    </LiveUpdates>
  );
}

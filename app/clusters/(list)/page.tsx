import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ClustersTable } from "@/components/clusters/clusters-table";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PageHeader } from "@/components/layout/page-header";
import { describeClusters } from "@/lib/k8s/cluster-overview";
import { listClusters } from "@/lib/k8s/cluster-registry";
import { clustersQuery } from "@/lib/queries/clusters";
import { makeQueryClient } from "@/lib/queries/query-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ ...clustersQuery(), queryFn: () => describeClusters(listClusters()) });
  return (
    <>
      <Breadcrumbs items={[{ label: "Clusters" }]} />
      <PageHeader title="Clusters" description="Every context of your kubeconfig, the in-cluster account and the embedded cluster." />
      <section className="rounded-md border border-line bg-white">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <ClustersTable />
        </HydrationBoundary>
      </section>
    </>
  );
}

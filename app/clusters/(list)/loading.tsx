// In a route group so its loading skeleton (the clusters table) does not also wrap the pages inside a cluster.
import { ClustersTableSkeleton } from "@/components/clusters/clusters-skeleton";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PageHeader } from "@/components/layout/page-header";

export default function ClustersLoading() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Clusters" }]} />
      <PageHeader title="Clusters" />
      <section className="rounded-md border border-line bg-white">
        <ClustersTableSkeleton />
      </section>
    </>
  );
}

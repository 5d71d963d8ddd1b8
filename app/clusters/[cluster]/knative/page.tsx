import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { parseKnativeTab } from "@/components/knative/knative-tab";
import { KnativeTabs } from "@/components/knative/knative-tabs";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { PageHeader } from "@/components/layout/page-header";
import { parseServicesFilters } from "@/components/services/services-filters";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { listComponents } from "@/lib/k8s/components";
import { listNamespaces } from "@/lib/k8s/core-api";
import { gatewayInfo } from "@/lib/k8s/test-traffic/gateway-endpoint";
import { listShownServices } from "@/lib/k8s/readable-services";
import { componentsQuery, gatewayQuery, namespacesQuery } from "@/lib/queries/cluster-resources";
import { makeQueryClient } from "@/lib/queries/query-client";
import { servicesQuery } from "@/lib/queries/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Knative" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function KnativePage({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  const [{ cluster: id }, query] = await Promise.all([params, searchParams]);
  const cluster = getCluster(id);
  const defaultNamespace = cluster.namespace ?? "default";
  const tab = parseKnativeTab(query.tab);

  // Prefetch what the open tab shows; a failure is left to the client, which shows the error.
  const queryClient = makeQueryClient();
  if (tab === "services") {
    const { namespace } = parseServicesFilters(query, defaultNamespace);
    await Promise.all([
      queryClient.prefetchQuery({ ...servicesQuery(id, namespace), queryFn: () => listShownServices(cluster, namespace) }),
      queryClient.prefetchQuery({ ...gatewayQuery(id), queryFn: () => gatewayInfo(cluster) }),
      queryClient.prefetchQuery({ ...namespacesQuery(id), queryFn: () => listNamespaces(cluster) }),
    ]);
  } else {
    await queryClient.prefetchQuery({ ...componentsQuery(id), queryFn: () => listComponents(cluster) });
  }

  return (
    <>
      <Breadcrumbs items={[{ label: "Clusters", href: consoleRoutes.clusters() }, { label: cluster.name, href: consoleRoutes.knative(id) }, { label: "Knative" }]} />
      <PageHeader title="Knative" description="Knative Serving components and services of this cluster." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <KnativeTabs cluster={id} defaultNamespace={defaultNamespace} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}

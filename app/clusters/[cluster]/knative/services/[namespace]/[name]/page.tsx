import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { ServiceDetail } from "@/components/services/service-detail";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { gatewayInfo } from "@/lib/k8s/test-traffic/gateway-endpoint";
import { getService, listRevisions } from "@/lib/k8s/knative-api";
import { hubFor } from "@/lib/k8s/live/hubs";
import { nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { gatewayQuery } from "@/lib/queries/cluster-resources";
import { makeQueryClient } from "@/lib/queries/query-client";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { serviceQuery } from "@/lib/queries/services";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function ServicePage({ params }: { params: Params }) {
  const { cluster: id, namespace, name } = await params;
  const cluster = getCluster(id);
  namespaceParam(namespace);
  nameParam(name);
  // An identity that may watch only some namespaces gets this one watched (a no-op otherwise).
  hubFor(id).watchNamespace(namespace);

  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...serviceQuery(id, namespace, name), queryFn: () => getService(cluster, namespace, name) }),
    queryClient.prefetchQuery({ ...serviceRevisionsQuery(id, namespace, name), queryFn: () => listRevisions(cluster, namespace, name) }),
    queryClient.prefetchQuery({ ...gatewayQuery(id), queryFn: () => gatewayInfo(cluster) }),
  ]);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Clusters", href: consoleRoutes.clusters() },
          { label: cluster.name, href: consoleRoutes.knative(id) },
          { label: "Knative", href: consoleRoutes.knative(id) },
          { label: "Services", href: consoleRoutes.knative(id, `?tab=services&namespace=${encodeURIComponent(namespace)}`) },
          { label: name },
        ]}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ServiceDetail cluster={id} namespace={namespace} name={name} />
      </HydrationBoundary>
    </>
  );
}

import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { RevisionDetail } from "@/components/revisions/revision-detail";
import { getCluster } from "@/lib/k8s/cluster-registry";
import { listRevisionPods } from "@/lib/k8s/core-api";
import { getRevision, getService } from "@/lib/k8s/knative-api";
import { hubFor } from "@/lib/k8s/live/hubs";
import { nameParam, namespaceParam } from "@/lib/k8s/route-handler";
import { makeQueryClient } from "@/lib/queries/query-client";
import { revisionPodsQuery, revisionQuery } from "@/lib/queries/revisions";
import { serviceQuery } from "@/lib/queries/services";

export const dynamic = "force-dynamic";

type Params = Promise<{ cluster: string; namespace: string; name: string; revision: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { revision } = await params;
  return { title: revision };
}

export default async function RevisionPage({ params }: { params: Params }) {
  const { cluster: id, namespace, name: service, revision } = await params;
  const cluster = getCluster(id);
  namespaceParam(namespace);
  nameParam(service);
  nameParam(revision);
  // An identity that may watch only some namespaces gets this one watched (a no-op otherwise).
  hubFor(id).watchNamespace(namespace);

  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ ...revisionQuery(id, namespace, revision), queryFn: () => getRevision(cluster, namespace, revision) }),
    queryClient.prefetchQuery({ ...revisionPodsQuery(id, namespace, revision), queryFn: () => listRevisionPods(cluster, namespace, revision) }),
    queryClient.prefetchQuery({ ...serviceQuery(id, namespace, service), queryFn: () => getService(cluster, namespace, service) }),
  ]);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Clusters", href: consoleRoutes.clusters() },
          { label: cluster.name, href: consoleRoutes.knative(id) },
          { label: "Knative", href: consoleRoutes.knative(id) },
          { label: "Services", href: consoleRoutes.knative(id, `?tab=services&namespace=${encodeURIComponent(namespace)}`) },
          { label: service, href: consoleRoutes.service(id, namespace, service) },
          { label: revision },
        ]}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RevisionDetail cluster={id} namespace={namespace} service={service} name={revision} />
      </HydrationBoundary>
    </>
  );
}

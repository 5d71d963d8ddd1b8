"use client";

// The Service page: basic information, every condition, and Revision Information, all from the
// React Query cache the server page hydrated and the live stream keeps current.

import { useQuery } from "@tanstack/react-query";
import { ConditionsTable } from "@/components/knative/conditions-table";
import { LiveTrafficSection } from "@/components/live-traffic/live-traffic-section";
import { readiness } from "@/components/knative/readiness";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { DetailUnavailable } from "@/components/layout/detail-unavailable";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/layout/page-header";
import { RevisionInformation } from "@/components/revisions/revision-information";
import { RevisionName } from "@/components/revisions/revision-name";
import { sortNewestFirst, toRevisionRow } from "@/components/revisions/revision-row";
import { TrafficBar } from "@/components/traffic/traffic-bar";
import { trafficShares } from "@/lib/knative/traffic-shares";
import { DescriptionList } from "@/components/ui/description-list";
import { isNotFound } from "@/lib/queries/status";
import { RelativeTime } from "@/components/ui/relative-time";
import { Section } from "@/components/ui/section";
import { TableSkeleton } from "@/components/ui/skeleton";
import { gatewayQuery } from "@/lib/queries/cluster-resources";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { serviceQuery } from "@/lib/queries/services";
import { consoleRoutes } from "@/components/knative/console-routes";
import { SendRequestsSection } from "@/components/test-traffic/send-requests-section";
import { GatewayAddress } from "./gateway-address";
import { ServiceActions } from "./service-actions";
import { ServiceDetailSkeleton } from "./service-detail-skeleton";

export function ServiceDetail({ cluster, namespace, name }: { cluster: string; namespace: string; name: string }) {
  const service = useQuery(serviceQuery(cluster, namespace, name));
  const revisions = useQuery(serviceRevisionsQuery(cluster, namespace, name));
  const gateway = useQuery(gatewayQuery(cluster));

  if (service.isPending) return <ServiceDetailSkeleton name={name} />;
  // A 404 after data was shown means it was deleted: say so rather than show what is gone.
  if (!service.data || isNotFound(service.error)) {
    return <DetailUnavailable title={name} error={service.error} what={`service “${namespace}/${name}”`} onRetry={() => void service.refetch()} />;
  }

  const svc = service.data;
  const shares = trafficShares(svc.status?.traffic);
  const rows = sortNewestFirst((revisions.data?.items ?? []).map((r) => toRevisionRow(r, svc, shares)));
  const revisionLink = (rev: string | undefined) =>
    rev ? <RevisionName name={rev} href={consoleRoutes.revision(cluster, namespace, name, rev)} /> : undefined;

  return (
    <>
      <PageHeader
        title={name}
        status={<ReadinessBadge readiness={readiness(svc)} showReason />}
        actions={<ServiceActions cluster={cluster} namespace={namespace} service={svc} revisions={revisions.data?.items ?? []} />}
      />
      <div className="flex flex-col gap-4">
        <Section title="Basic Information">
          <DescriptionList
            items={[
              { term: "Name", value: name },
              { term: "Namespace", value: namespace },
              { term: "Default Domain", value: svc.status?.url ? <span className="font-mono text-xs">{svc.status.url}</span> : undefined },
              { term: "Gateway", value: <GatewayAddress gateway={gateway.data} /> },
              { term: "Creation Time", value: <RelativeTime value={svc.metadata.creationTimestamp} /> },
              { term: "Status", value: <ReadinessBadge readiness={readiness(svc)} showReason /> },
              { term: "Latest Created Revision", value: revisionLink(svc.status?.latestCreatedRevisionName) },
              { term: "Latest Ready Revision", value: revisionLink(svc.status?.latestReadyRevisionName) },
              { term: "Traffic", value: <TrafficBar shares={shares} className="w-48" /> },
              { term: "Cluster-local Address", value: svc.status?.address?.url ? <span className="font-mono text-xs">{svc.status.address.url}</span> : undefined },
            ]}
          />
        </Section>
        <LiveTrafficSection cluster={cluster} namespace={namespace} name={name} />
        {/* Send requests: test traffic through the ingress gateway, answers grouped by body, beside the live chart. */}
        <SendRequestsSection cluster={cluster} namespace={namespace} service={svc} />
        <Section title="Conditions" flush>
          <ConditionsTable conditions={svc.status?.conditions} label="Service conditions" />
        </Section>
        <Section title="Revision Information" flush>
          {revisions.isPending ? (
            <TableSkeleton columns={8} rows={2} label="Loading revisions" />
          ) : revisions.error && !revisions.data ? (
            <ErrorState error={revisions.error} what="the revisions" onRetry={() => void revisions.refetch()} />
          ) : (
            <RevisionInformation cluster={cluster} namespace={namespace} service={name} rows={rows} />
          )}
        </Section>
      </div>
    </>
  );
}

"use client";

// The Revision page: what the revision runs and how it scales, its conditions, metadata, pods
// and YAML (loaded when asked for). Traffic comes from the owning Service's status.

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ConditionsTable } from "@/components/knative/conditions-table";
import { consoleRoutes } from "@/components/knative/console-routes";
import { readiness } from "@/components/knative/readiness";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { DetailUnavailable } from "@/components/layout/detail-unavailable";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/layout/page-header";
import { percentFor, trafficShares } from "@/lib/knative/traffic-shares";
import { DescriptionList } from "@/components/ui/description-list";
import { isNotFound } from "@/lib/queries/status";
import { RelativeTime } from "@/components/ui/relative-time";
import { Section } from "@/components/ui/section";
import { TableSkeleton } from "@/components/ui/skeleton";
import { LABEL_CONFIGURATION } from "@/lib/knative/labels";
import { revisionPodsQuery, revisionQuery } from "@/lib/queries/revisions";
import { serviceQuery } from "@/lib/queries/services";
import { ContainersSection } from "./containers-section";
import { KeyValueList } from "./key-value-list";
import { PodsTable } from "./pods-table";
import { revisionColor } from "./revision-color";
import { RevisionDetailSkeleton } from "./revision-detail-skeleton";
import { revisionGeneration } from "./revision-row";
import { scalingFacts } from "./scaling";
import { RevisionYamlSection } from "./revision-yaml-section";

export function RevisionDetail({ cluster, namespace, service, name }: { cluster: string; namespace: string; service: string; name: string }) {
  const revision = useQuery(revisionQuery(cluster, namespace, name));
  const pods = useQuery(revisionPodsQuery(cluster, namespace, name));
  const owner = useQuery(serviceQuery(cluster, namespace, service));

  if (revision.isPending) return <RevisionDetailSkeleton name={name} />;
  // A 404 after data was shown means it was deleted: say so rather than show what is gone.
  if (!revision.data || isNotFound(revision.error)) {
    return <DetailUnavailable title={name} error={revision.error} what={`revision “${namespace}/${name}”`} onRetry={() => void revision.refetch()} />;
  }

  const rev = revision.data;
  const state = readiness(rev);
  const scaling = scalingFacts(rev);
  const percent = owner.data ? percentFor(trafficShares(owner.data.status?.traffic), name) : undefined;
  const digests = (rev.status?.containerStatuses ?? []).filter((c) => c.imageDigest);

  return (
    <>
      <PageHeader
        title={name}
        status={
          <span className="flex items-center gap-3">
            <span aria-hidden className="size-3 rounded-sm" style={{ backgroundColor: revisionColor(name) }} />
            <ReadinessBadge readiness={state} showReason />
          </span>
        }
      />
      <div className="flex flex-col gap-4">
        <Section title="Basic Information">
          <DescriptionList
            items={[
              { term: "Name", value: name },
              { term: "Namespace", value: namespace },
              {
                term: "Service",
                value: (
                  <Link href={consoleRoutes.service(cluster, namespace, service)} className="text-brand hover:underline">
                    {service}
                  </Link>
                ),
              },
              { term: "Configuration", value: rev.metadata.labels?.[LABEL_CONFIGURATION] },
              { term: "Generation", value: revisionGeneration(rev) },
              { term: "Traffic", value: percent === undefined ? undefined : `${percent}%` },
              { term: "Status", value: <ReadinessBadge readiness={state} showReason /> },
              { term: "Creation Time", value: <RelativeTime value={rev.metadata.creationTimestamp} /> },
              { term: "Pods", value: `${rev.status?.actualReplicas ?? 0} actual / ${rev.status?.desiredReplicas ?? 0} desired` },
              { term: "Service Account", value: rev.spec?.serviceAccountName },
              {
                term: "Image Digest",
                value: digests.length ? (
                  <span className="font-mono text-xs break-all">{digests.map((d) => d.imageDigest).join(", ")}</span>
                ) : undefined,
              },
            ]}
          />
        </Section>
        <Section title="Containers" flush>
          <ContainersSection containers={rev.spec?.containers ?? []} />
        </Section>
        <Section title="Scaling and Limits">
          <DescriptionList
            items={[
              { term: "Container Concurrency", value: scaling.containerConcurrency },
              { term: "Timeout", value: scaling.timeoutSeconds },
              ...(scaling.responseStartTimeoutSeconds ? [{ term: "Response Start Timeout", value: scaling.responseStartTimeoutSeconds }] : []),
              ...(scaling.idleTimeoutSeconds ? [{ term: "Idle Timeout", value: scaling.idleTimeoutSeconds }] : []),
              ...scaling.autoscaling.map((a) => ({ term: a.key.replace("autoscaling.knative.dev/", ""), value: <span className="font-mono text-xs">{a.value}</span> })),
            ]}
          />
          {scaling.autoscaling.length === 0 ? <p className="mt-3 text-muted">No autoscaling annotations: the cluster&apos;s autoscaler defaults apply.</p> : null}
        </Section>
        <Section title="Conditions" flush>
          <ConditionsTable conditions={rev.status?.conditions} label="Revision conditions" />
        </Section>
        <Section title="Pods" flush>
          {pods.isPending ? (
            <TableSkeleton columns={7} rows={1} label="Loading pods" />
          ) : pods.error && !pods.data ? (
            <ErrorState error={pods.error} what="the pods" onRetry={() => void pods.refetch()} />
          ) : (
            <PodsTable pods={pods.data?.items ?? []} scaledToZero={(rev.status?.actualReplicas ?? 0) === 0} />
          )}
        </Section>
        <div className="grid grid-cols-2 gap-4">
          <Section title="Labels">
            <KeyValueList entries={rev.metadata.labels} label="Labels" />
          </Section>
          <Section title="Annotations">
            <KeyValueList entries={rev.metadata.annotations} label="Annotations" />
          </Section>
        </div>
        <RevisionYamlSection revision={rev} fileName={`${name}.yaml`} />
      </div>
    </>
  );
}

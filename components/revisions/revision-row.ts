// One line of a Service's Revision Information table.

import { LABEL_CONFIGURATION_GENERATION } from "@/lib/knative/labels";
import type { Revision, Service } from "@/lib/knative/types";
import { type Readiness, readiness } from "@/components/knative/readiness";
import { type TrafficShare, type TrafficTag } from "@/lib/knative/traffic-shares";
import { envLines } from "./env-format";

export interface RevisionRow {
  name: string;
  percent: number;
  tags: TrafficTag[];
  images: string[];
  env: string[];
  generation?: number;
  readiness: Readiness;
  actualReplicas?: number;
  desiredReplicas?: number;
  created?: string;
  latestCreated: boolean;
  latestReady: boolean;
}

export function revisionGeneration(rev: Revision): number | undefined {
  const label = rev.metadata.labels?.[LABEL_CONFIGURATION_GENERATION];
  const n = label ? Number(label) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function toRevisionRow(rev: Revision, service: Service | undefined, shares: TrafficShare[]): RevisionRow {
  const name = rev.metadata.name ?? "";
  const share = shares.find((s) => s.revisionName === name);
  const containers = rev.spec?.containers ?? [];
  return {
    name,
    percent: share?.percent ?? 0,
    tags: share?.tags ?? [],
    images: containers.map((c) => c.image ?? "").filter(Boolean),
    env: envLines(containers),
    generation: revisionGeneration(rev),
    readiness: readiness(rev),
    actualReplicas: rev.status?.actualReplicas,
    desiredReplicas: rev.status?.desiredReplicas,
    created: rev.metadata.creationTimestamp,
    latestCreated: service?.status?.latestCreatedRevisionName === name,
    latestReady: service?.status?.latestReadyRevisionName === name,
  };
}

/** Newest first: by generation, then by creation time, then by name. */
export function sortNewestFirst(rows: RevisionRow[]): RevisionRow[] {
  return [...rows].sort(
    (a, b) =>
      (b.generation ?? -1) - (a.generation ?? -1) ||
      (Date.parse(b.created ?? "") || 0) - (Date.parse(a.created ?? "") || 0) ||
      b.name.localeCompare(a.name),
  );
}

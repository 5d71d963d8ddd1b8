// One line of the Services list, derived from a Knative Service and the cluster's gateway.

import type { Service } from "@/lib/knative/types";
import { type Readiness, readiness } from "@/components/knative/readiness";
import { type TrafficShare, percentFor, trafficShares } from "@/lib/knative/traffic-shares";
import type { SortColumn } from "./services-filters";

export interface ServiceRow {
  key: string;
  name: string;
  namespace: string;
  readiness: Readiness;
  url?: string;
  gateway: string | null;
  latestRevision?: string;
  traffic: TrafficShare[];
  created?: string;
}

export function toServiceRow(svc: Service, gateway: string | null): ServiceRow {
  const name = svc.metadata.name ?? "";
  const namespace = svc.metadata.namespace ?? "";
  return {
    key: svc.metadata.uid ?? `${namespace}/${name}`,
    name,
    namespace,
    readiness: readiness(svc),
    url: svc.status?.url,
    gateway,
    latestRevision: svc.status?.latestReadyRevisionName ?? svc.status?.latestCreatedRevisionName,
    traffic: trafficShares(svc.status?.traffic),
    created: svc.metadata.creationTimestamp,
  };
}

const STATE_ORDER = { Failed: 0, "In progress": 1, Ready: 2 } as const;

/** The value a column sorts by; ties fall back to namespace and name. */
export function sortValue(row: ServiceRow, column: SortColumn): string | number {
  switch (column) {
    case "name":
      return row.name;
    case "status":
      return STATE_ORDER[row.readiness.state];
    case "url":
      return row.url ?? "";
    case "gateway":
      return row.gateway ?? "";
    case "latest":
      return row.latestRevision ?? "";
    case "traffic":
      // The share the latest revision serves: how far a rollout has come.
      return row.latestRevision ? percentFor(row.traffic, row.latestRevision) : -1;
    case "created":
      return row.created ? Date.parse(row.created) : 0;
  }
}

export function sortRows(rows: ServiceRow[], column: SortColumn, desc: boolean): ServiceRow[] {
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, column);
    const vb = sortValue(b, column);
    const primary = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
    if (primary !== 0) return sign * primary;
    return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
  });
}

export function matchesSearch(row: ServiceRow, search: string): boolean {
  return !search || row.name.toLowerCase().includes(search.toLowerCase());
}

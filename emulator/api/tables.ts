// Server-side printing: meta.k8s.io/v1 Tables, as kube-apiserver builds them from a CRD's
// additionalPrinterColumns, and from its built-in printers for the core kinds we serve.

import type { KubeObject } from "../../lib/knative/types";
import type { ResourceType } from "../core/resources";
import { ACCESS_CONTROL_PRINTERS } from "../rbac/tables";
import { evaluate } from "./jsonpath";

interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

type Cell = string | number | boolean | null;

export function humanAge(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return "<unknown>";
  const s = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  // k8s.io/apimachinery/pkg/util/duration.HumanDuration, abridged.
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

export interface Printer {
  columns: Array<Omit<ColumnDefinition, "description" | "format"> & { format?: string }>;
  cells(obj: KubeObject): Cell[];
}

const age = (o: KubeObject) => humanAge(o.metadata.creationTimestamp);

function podReady(o: KubeObject): string {
  const statuses = ((o.status as { containerStatuses?: Array<{ ready?: boolean }> })?.containerStatuses ?? []);
  const total = ((o.spec as { containers?: unknown[] })?.containers ?? []).length;
  return `${statuses.filter((s) => s.ready).length}/${total}`;
}

/** Built-in printers (k8s.io/kubernetes/pkg/printers/internalversion), for the kinds we serve. */
const CORE_PRINTERS: Record<string, Printer> = {
  "/pods": {
    columns: [
      { name: "Ready", type: "string", priority: 0 },
      { name: "Status", type: "string", priority: 0 },
      { name: "Restarts", type: "string", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
      { name: "IP", type: "string", priority: 1 },
    ],
    cells: (o) => {
      const st = o.status as { phase?: string; podIP?: string; containerStatuses?: Array<{ restartCount?: number }> } | undefined;
      const restarts = (st?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
      return [podReady(o), o.metadata.deletionTimestamp ? "Terminating" : (st?.phase ?? "Pending"), String(restarts), age(o), st?.podIP ?? "<none>"];
    },
  },
  "/namespaces": {
    columns: [
      { name: "Status", type: "string", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
    ],
    cells: (o) => [(o.status as { phase?: string })?.phase ?? "Active", age(o)],
  },
  "/services": {
    columns: [
      { name: "Type", type: "string", priority: 0 },
      { name: "Cluster-IP", type: "string", priority: 0 },
      { name: "External-IP", type: "string", priority: 0 },
      { name: "Port(s)", type: "string", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
    ],
    cells: (o) => {
      const spec = o.spec as { type?: string; clusterIP?: string; externalName?: string; ports?: Array<{ port: number; nodePort?: number; protocol?: string }> };
      const lb = (o.status as { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } })?.loadBalancer?.ingress ?? [];
      const external = spec.type === "ExternalName" ? spec.externalName : lb.map((i) => i.ip ?? i.hostname).join(",") || (spec.type === "LoadBalancer" ? "<pending>" : "<none>");
      const ports = (spec.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`).join(",");
      return [spec.type ?? "ClusterIP", spec.clusterIP ?? "<none>", external ?? "<none>", ports || "<none>", age(o)];
    },
  },
  "/configmaps": {
    columns: [
      { name: "Data", type: "integer", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
    ],
    cells: (o) => [Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length, age(o)],
  },
  "/secrets": {
    columns: [
      { name: "Type", type: "string", priority: 0 },
      { name: "Data", type: "integer", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
    ],
    cells: (o) => [(o.type as string) ?? "Opaque", Object.keys((o.data as object) ?? {}).length, age(o)],
  },
  "/events": {
    columns: [
      { name: "Last Seen", type: "string", priority: 0 },
      { name: "Type", type: "string", priority: 0 },
      { name: "Reason", type: "string", priority: 0 },
      { name: "Object", type: "string", priority: 0 },
      { name: "Message", type: "string", priority: 0 },
    ],
    cells: (o) => {
      const io = o.involvedObject as { kind?: string; name?: string } | undefined;
      return [humanAge((o.lastTimestamp as string) ?? o.metadata.creationTimestamp), (o.type as string) ?? "", (o.reason as string) ?? "", `${(io?.kind ?? "").toLowerCase()}/${io?.name ?? ""}`, (o.message as string) ?? ""];
    },
  },
  "apps/deployments": {
    columns: [
      { name: "Ready", type: "string", priority: 0 },
      { name: "Up-to-date", type: "integer", priority: 0 },
      { name: "Available", type: "integer", priority: 0 },
      { name: "Age", type: "string", priority: 0 },
    ],
    cells: (o) => {
      const st = (o.status ?? {}) as { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
      const spec = (o.spec ?? {}) as { replicas?: number };
      return [`${st.readyReplicas ?? 0}/${spec.replicas ?? 1}`, st.updatedReplicas ?? 0, st.availableReplicas ?? 0, age(o)];
    },
  },
};

function printerFor(type: ResourceType): Printer {
  const key = `${type.group}/${type.resource}`;
  const core = CORE_PRINTERS[key] ?? ACCESS_CONTROL_PRINTERS[key];
  if (core) return core;
  // CRD: additionalPrinterColumns. A cell with several values prints them comma-joined.
  return {
    columns: type.printerColumns.map((c) => ({ name: c.name, type: c.type, priority: c.priority ?? 0 })),
    cells: (o) =>
      type.printerColumns.map((c) => {
        const values = evaluate(o, c.jsonPath);
        if (values.length === 0) return null;
        if (values.length === 1) {
          const v = values[0];
          if (c.type === "date" && typeof v === "string") return humanAge(v);
          return typeof v === "object" ? JSON.stringify(v) : (v as Cell);
        }
        return values.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(",");
      }),
  };
}

function partialMetadata(o: KubeObject) {
  const metadata: Record<string, unknown> = { ...o.metadata };
  delete metadata.managedFields;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata };
}

export function toTable(type: ResourceType, items: KubeObject[], opts: { resourceVersion?: string; includeObject?: string; continueToken?: string; withColumns?: boolean }) {
  const printer = printerFor(type);
  const columnDefinitions: ColumnDefinition[] =
    opts.withColumns === false
      ? []
      : [
          { name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0 },
          ...printer.columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: "", priority: c.priority })),
        ];
  const rows = items.map((o) => ({
    cells: [o.metadata.name ?? "", ...printer.cells(o)],
    object: opts.includeObject === "Object" ? o : opts.includeObject === "None" ? undefined : partialMetadata(o),
  }));
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion: opts.resourceVersion, ...(opts.continueToken ? { continue: opts.continueToken } : {}) },
    columnDefinitions,
    rows,
  };
}

// What the console sends on: the object as the cluster has it, minus managedFields (kubectl hides
// them too; they are large and say nothing to a reader), and lists sorted by namespace and name.

import type { KubeObject } from "@/lib/knative/types";
import type { KubeList } from "@/lib/queries/api-types";

export function cleanObject<T extends KubeObject>(obj: T): T {
  if (!obj?.metadata || !("managedFields" in obj.metadata)) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const ns = (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "");
  return ns !== 0 ? ns : (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
}

export function cleanList<T extends KubeObject>(raw: { items?: T[]; metadata?: { resourceVersion?: string } }): KubeList<T> {
  const items = (raw.items ?? []).map(cleanObject).sort(byNamespaceAndName);
  const resourceVersion = raw.metadata?.resourceVersion;
  return resourceVersion ? { items, resourceVersion } : { items };
}

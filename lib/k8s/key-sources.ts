// The ConfigMaps and Secrets of a namespace, reduced to names and keys for the Create Revision
// wizard's environment-variable pickers. A Secret's values never leave this function: each item
// is built anew from its name and the key names of its data.

import type { KeySource, KeySourceList } from "@/lib/queries/namespace-objects";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";

function keySource(metadataName: string | undefined, data: Record<string, unknown> | undefined, binaryData?: Record<string, unknown>): KeySource {
  const keys = [...new Set([...Object.keys(data ?? {}), ...Object.keys(binaryData ?? {})])].sort();
  return { name: metadataName ?? "", keys };
}

const byName = (a: KeySource, b: KeySource) => a.name.localeCompare(b.name);

export async function listConfigMapKeys(cluster: ClusterRef, namespace: string): Promise<KeySourceList> {
  const { core } = apisFor(cluster);
  const list = await core.listNamespacedConfigMap({ namespace }, callOptions());
  return { items: list.items.map((cm) => keySource(cm.metadata?.name, cm.data, cm.binaryData)).sort(byName) };
}

export async function listSecretKeys(cluster: ClusterRef, namespace: string): Promise<KeySourceList> {
  const { core } = apisFor(cluster);
  const list = await core.listNamespacedSecret({ namespace }, callOptions());
  return { items: list.items.map((secret) => keySource(secret.metadata?.name, secret.data)).sort(byName) };
}

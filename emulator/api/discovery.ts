// API discovery: /version, /api, /apis and each group/version's resource list, in both the
// aggregated (apidiscovery.k8s.io/v2) and the legacy format; kubectl asks for aggregated first
// and reads the format from the Content-Type (k8s.io/client-go discovery/aggregated_discovery.go).

import { RESOURCE_TYPES, type ResourceType } from "../core/resources";

export const KUBERNETES_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0",
  gitCommit: "knative-console-embedded",
  gitTreeState: "clean",
  buildDate: "2026-01-01T00:00:00Z",
  goVersion: "go1.23.0",
  compiler: "gc",
  platform: "linux/amd64",
};

export const AGGREGATED_CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && /as=APIGroupDiscoveryList/.test(accept) && /v=v2(?!beta)/.test(accept);
}

const groups = () => [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => t.group))];
const typesOf = (group: string) => RESOURCE_TYPES.filter((t) => t.group === group);
const groupVersion = (t: ResourceType) => (t.group ? `${t.group}/${t.version}` : t.version);

/** The status subresource, if any, and the others the type declares (a ServiceAccount's token). */
function subresourcesOf(t: ResourceType) {
  const status = t.statusSubresource ? [{ name: "status", group: t.group, version: t.version, kind: t.kind, verbs: ["get", "patch", "update"] }] : [];
  return [...status, ...(t.subresources ?? [])];
}

function aggregatedResource(t: ResourceType) {
  const responseKind = { group: t.group, version: t.version, kind: t.kind };
  const subresources = subresourcesOf(t).map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs }));
  return {
    resource: t.resource,
    responseKind,
    scope: t.namespaced ? "Namespaced" : "Cluster",
    singularResource: t.singular,
    verbs: t.verbs,
    ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
    ...(t.categories.length ? { categories: t.categories } : {}),
    ...(subresources.length ? { subresources } : {}),
  };
}

function aggregatedGroup(group: string) {
  const types = typesOf(group);
  return {
    metadata: group ? { name: group } : {},
    versions: [{ version: types[0]!.version, resources: types.map(aggregatedResource), freshness: "Current" }],
  };
}

export function aggregatedCore() {
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items: [aggregatedGroup("")] };
}

export function aggregatedGroups() {
  return { kind: "APIGroupDiscoveryList", apiVersion: "apidiscovery.k8s.io/v2", metadata: {}, items: groups().map(aggregatedGroup) };
}

export function legacyCoreVersions() {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1" }] };
}

export function legacyGroupList() {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: groups().map((g) => {
      const gv = { groupVersion: `${g}/${typesOf(g)[0]!.version}`, version: typesOf(g)[0]!.version };
      return { name: g, versions: [gv], preferredVersion: gv };
    }),
  };
}

export function legacyGroup(group: string) {
  if (!groups().includes(group)) return undefined;
  const gv = { groupVersion: `${group}/${typesOf(group)[0]!.version}`, version: typesOf(group)[0]!.version };
  return { kind: "APIGroup", apiVersion: "v1", name: group, versions: [gv], preferredVersion: gv };
}

export function legacyResourceList(group: string, version: string) {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => {
    const main = {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    };
    const subresources = subresourcesOf(t).map((s) => ({
      name: `${t.resource}/${s.name}`,
      singularName: "",
      namespaced: t.namespaced,
      // A subresource of another group or version says so (serviceaccounts/token is a TokenRequest).
      ...(s.group !== t.group || s.version !== t.version ? { group: s.group, version: s.version } : {}),
      kind: s.kind,
      verbs: s.verbs,
    }));
    return [main, ...subresources];
  });
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: groupVersion(types[0]!), resources };
}

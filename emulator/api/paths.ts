// REST paths of the Kubernetes API, parsed:
//   /api/v1/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]
//   /apis/{group}/{version}/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]

import { findResourceType, type ResourceType } from "../core/resources";

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export function parseResourcePath(pathname: string): ResourcePath | "unknown-resource" | undefined {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) {
    group = "";
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  // `namespaces/{ns}/{resource}` is a namespaced path unless the third part is a namespace subresource.
  if (rest[0] === "namespaces" && rest.length >= 3 && !["status", "finalize"].includes(rest[2]!)) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  const type = findResourceType(group, version, resource!);
  if (!type) return "unknown-resource";
  if (extra.length > 0 && subresource !== "proxy") return "unknown-resource";
  if (namespace !== undefined && !type.namespaced) return "unknown-resource";
  return { type, namespace, name, subresource: subresource === "proxy" ? ["proxy", ...extra].join("/") : subresource };
}

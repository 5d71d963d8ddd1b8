// REST paths of the Kubernetes API, parsed:
//   /api/v1/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]
//   /apis/{group}/{version}/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]]

import { ApiError } from "../core/errors";
import { findResourceType, type ResourceType } from "../core/resources";

export interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * The path's segments, each percent-decoded. A malformed escape (`%ZZ`, a lone `%`, bytes that
 * are not UTF-8) is the client's error: 400, as Go's net/http refuses such a URL.
 */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw ApiError.badRequest(`invalid URL escape in path segment ${JSON.stringify(segment)}`);
      }
    });
}

export function parseResourcePath(parts: string[]): ResourcePath | "unknown-resource" | undefined {
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

// What kube-apiserver itself does to the objects we serve, before storing them: labels,
// annotations, owner references and finalizers must be valid (every kind, custom resources
// included), names must be valid, Secret stringData is folded into data, Services get a cluster IP.

import { isDNS1123Label, isDNS1123Subdomain } from "../../lib/knative/k8s-validation";
import { validateObjectMeta } from "../../lib/knative/object-meta-validation";
import { SERVING_GROUP, type KubeObject } from "../../lib/knative/types";
import { RBAC_GROUP } from "../rbac/resource-types";
import { pathSegmentNameProblems } from "../rbac/validation";
import { ApiError } from "./errors";
import type { AdmissionPlugin, AdmissionRequest } from "./registry";
import { CORE_SERVICES, NAMESPACES, SECRETS } from "./resources";

function checkName(req: AdmissionRequest): void {
  const { type, object } = req;
  const name = object.metadata.name ?? "";
  if (type.group === SERVING_GROUP) return; // Knative's webhook has its own messages
  // Namespaces and Services are DNS-1123 labels; RBAC objects, path segments (`system:discovery`);
  // the rest, subdomains (apimachinery's rules).
  const problems =
    type === NAMESPACES || type === CORE_SERVICES ? isDNS1123Label(name) : type.group === RBAC_GROUP ? pathSegmentNameProblems(name) : isDNS1123Subdomain(name);
  if (problems.length > 0) {
    throw ApiError.invalid(type.group, type.kind, name, [{ reason: "FieldValueInvalid", message: `Invalid value: "${name}": ${problems.join(", ")}`, field: "metadata.name" }]);
  }
}

let nextClusterIp = 1;
function foldSecretStringData(obj: KubeObject): void {
  const stringData = obj.stringData as Record<string, string> | undefined;
  if (!stringData) return;
  const data = { ...((obj.data as Record<string, string>) ?? {}) };
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(v, "utf8").toString("base64");
  obj.data = data;
  delete obj.stringData;
}

export const builtinAdmission: AdmissionPlugin = {
  name: "kube-apiserver",
  mutate(req) {
    if (req.operation === "DELETE" || req.subresource) return;
    const obj = req.object;
    if (req.type === SECRETS) {
      foldSecretStringData(obj);
      if (!obj.type) obj.type = "Opaque";
    }
    if (req.type === CORE_SERVICES) {
      const spec = (obj.spec ?? (obj.spec = {})) as Record<string, unknown>;
      spec.type ??= "ClusterIP";
      const oldIp = (req.oldObject?.spec as { clusterIP?: string } | undefined)?.clusterIP;
      if (spec.type !== "ExternalName" && !spec.clusterIP) spec.clusterIP = oldIp ?? `10.96.${Math.floor(nextClusterIp / 250)}.${(nextClusterIp++ % 250) + 2}`;
      if (Array.isArray(spec.ports)) for (const p of spec.ports as Array<Record<string, unknown>>) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
      }
    }
  },
  validate(req) {
    if (req.operation === "DELETE" || req.subresource) return;
    if (req.operation === "CREATE") checkName(req);
    const causes = validateObjectMeta(req.object.metadata);
    if (causes.length > 0) throw ApiError.invalid(req.type.group, req.type.kind, req.object.metadata.name ?? "", causes);
  },
};

// kube-apiserver's own handling of RBAC writes, as an admission plugin of the embedded
// cluster's registry: the defaults of bindings, the escalation check (./escalation.ts, a 403
// before anything is validated, as the policy-based storage runs it first), then validation
// (./validation.ts, 422). Writes by the cluster itself carry no groups and are not checked for
// escalation.

import { ApiError } from "../core/errors";
import type { AdmissionPlugin, AdmissionRequest } from "../core/registry";
import type { ObjectRegistry } from "../core/object-registry";
import { clusterAuthorizer, type Authorizer } from "./authorizer";
import { escalationAllowed, escalationMessage, FULL_AUTHORITY, mayUseVerb } from "./escalation";
import { forbiddenError } from "./forbidden";
import type { BindingObject, RoleObject } from "./rbac-types";
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, RBAC_GROUP, ROLE_BINDINGS, ROLES } from "./resource-types";
import { registryReader, RoleResolutionError } from "./rule-resolver";
import type { UserInfo } from "./user";
import { rbacCauses, setBindingDefaults } from "./validation";

const isBinding = (req: AdmissionRequest) => req.type === ROLE_BINDINGS || req.type === CLUSTER_ROLE_BINDINGS;
const isRole = (req: AdmissionRequest) => req.type === ROLES || req.type === CLUSTER_ROLES;

function userOf(req: AdmissionRequest): UserInfo | undefined {
  const { actor } = req;
  return actor.groups ? { name: actor.username, groups: actor.groups, uid: actor.uid, extra: actor.extra } : undefined;
}

const hasAggregationRule = (role: RoleObject | undefined) => (role?.aggregationRule?.clusterRoleSelectors ?? []).length > 0;

function checkRole(authorizer: Authorizer, user: UserInfo, req: AdmissionRequest): void {
  const role = req.object as RoleObject;
  const name = role.metadata.name ?? "";
  const namespace = req.type === ROLES ? (role.metadata.namespace ?? "") : "";
  // As the request names it: a create is POSTed to the collection, with no name.
  if (mayUseVerb(authorizer, user, "escalate", req.type.resource, req.operation === "CREATE" ? "" : name, namespace)) return;
  const gr = { group: RBAC_GROUP, resource: req.type.resource };
  const message = escalationMessage(authorizer, user, namespace, role.rules ?? []);
  if (message) throw forbiddenError(gr, name, message);
  if (req.type === CLUSTER_ROLES && (hasAggregationRule(role) || hasAggregationRule(req.oldObject as RoleObject | undefined))) {
    if (escalationMessage(authorizer, user, "", FULL_AUTHORITY)) throw forbiddenError(gr, name, "must have cluster-admin privileges to use the aggregationRule");
  }
}

function checkBinding(authorizer: Authorizer, user: UserInfo, req: AdmissionRequest): void {
  const binding = req.object as BindingObject;
  const name = binding.metadata.name ?? "";
  const namespace = req.type === ROLE_BINDINGS ? (binding.metadata.namespace ?? "") : "";
  const ref = binding.roleRef;
  if (!ref || (ref.kind !== "Role" && ref.kind !== "ClusterRole")) return; // validation refuses it
  if (mayUseVerb(authorizer, user, "bind", ref.kind === "Role" ? "roles" : "clusterroles", ref.name, namespace)) return;
  let rules;
  try {
    rules = authorizer.rules.roleRefRules(ref, namespace);
  } catch (err) {
    if (!(err instanceof RoleResolutionError)) throw err;
    // The lister's NotFound reaches the client as it is: a 404 naming the role.
    throw ApiError.notFound({ group: RBAC_GROUP, resource: ref.kind.toLowerCase() }, ref.name);
  }
  const message = escalationMessage(authorizer, user, namespace, rules);
  if (message) throw forbiddenError({ group: RBAC_GROUP, resource: req.type.resource }, name, message);
}

/** Only the fields the garbage collector writes changed: nothing is granted (rbacregistry.IsOnlyMutatingGCFields). */
function onlyGarbageCollectionFields(req: AdmissionRequest): boolean {
  if (!req.oldObject) return false;
  const strip = (o: unknown) => {
    const copy = structuredClone(o) as { metadata?: Record<string, unknown> };
    if (copy.metadata) {
      delete copy.metadata.ownerReferences;
      delete copy.metadata.finalizers;
      delete copy.metadata.resourceVersion;
    }
    return JSON.stringify(copy);
  };
  return strip(req.object) === strip(req.oldObject);
}

/** `registryOf` gives the registry the plugin is part of, which exists only once its plugins do. */
export function rbacAdmission(registryOf: () => ObjectRegistry): AdmissionPlugin {
  let cached: Authorizer | undefined;
  const authorizerOf = () => (cached ??= clusterAuthorizer(registryReader(registryOf())));
  return {
    name: "rbac",
    mutate(req) {
      if (req.operation !== "DELETE" && isBinding(req)) setBindingDefaults(req.object as BindingObject);
    },
    validate(req) {
      if (req.operation === "DELETE" || (!isRole(req) && !isBinding(req))) return;
      const user = userOf(req);
      if (user && !escalationAllowed(user) && !onlyGarbageCollectionFields(req)) {
        if (isRole(req)) checkRole(authorizerOf(), user, req);
        else checkBinding(authorizerOf(), user, req);
      }
      const causes = rbacCauses(req.type, req.object, req.oldObject);
      if (causes.length > 0) throw ApiError.invalid(req.type.group, req.type.kind, req.object.metadata.name ?? "", causes);
    },
  };
}

// How `kubectl get` prints the access-control kinds: kube-apiserver's built-in printers
// (kubernetes pkg/printers/internalversion/printers.go printRole, printRoleBinding,
// printServiceAccount, and their column definitions). Roles show when they were made, bindings
// the role they grant and (with -o wide) to whom.

import type { KubeObject } from "../../lib/knative/types";
import { humanAge, type Printer } from "../api/tables";
import type { BindingObject } from "./rbac-types";

const createdAt = (o: KubeObject) => o.metadata.creationTimestamp ?? "";
const age = (o: KubeObject) => humanAge(o.metadata.creationTimestamp);

const ROLE: Printer = {
  columns: [{ name: "Created At", type: "date", priority: 0 }],
  cells: (o) => [createdAt(o)],
};

/** rbac.SubjectsStrings: users, groups, and ServiceAccounts as namespace/name. */
function subjects(o: KubeObject, kind: string): string {
  return ((o as BindingObject).subjects ?? [])
    .filter((s) => s.kind === kind)
    .map((s) => (kind === "ServiceAccount" ? `${s.namespace ?? ""}/${s.name}` : s.name))
    .join(", ");
}

const BINDING: Printer = {
  columns: [
    { name: "Role", type: "string", priority: 0 },
    { name: "Age", type: "string", priority: 0 },
    { name: "Users", type: "string", priority: 1 },
    { name: "Groups", type: "string", priority: 1 },
    { name: "ServiceAccounts", type: "string", priority: 1 },
  ],
  cells: (o) => {
    const ref = (o as BindingObject).roleRef;
    return [`${ref?.kind ?? ""}/${ref?.name ?? ""}`, age(o), subjects(o, "User"), subjects(o, "Group"), subjects(o, "ServiceAccount")];
  },
};

const SERVICE_ACCOUNT: Printer = {
  columns: [
    { name: "Secrets", type: "string", priority: 0 },
    { name: "Age", type: "string", priority: 0 },
  ],
  cells: (o) => [((o.secrets as unknown[] | undefined) ?? []).length, age(o)],
};

/** By `group/resource`, as ../api/tables.ts looks printers up. */
export const ACCESS_CONTROL_PRINTERS: Record<string, Printer> = {
  "rbac.authorization.k8s.io/roles": ROLE,
  "rbac.authorization.k8s.io/clusterroles": ROLE,
  "rbac.authorization.k8s.io/rolebindings": BINDING,
  "rbac.authorization.k8s.io/clusterrolebindings": BINDING,
  "/serviceaccounts": SERVICE_ACCOUNT,
};

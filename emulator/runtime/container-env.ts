// The environment a revision's user container would see, since the embedded cluster runs no
// containers: what the kubelet builds from `envFrom` and `env` (ConfigMap and Secret references
// resolved through the Registry), plus the variables Knative injects (PORT, K_REVISION,
// K_CONFIGURATION, K_SERVICE; serving pkg/reconciler/revision/resources/env_var.go, deploy.go).
//
// Differences from a kubelet, on purpose: a missing ConfigMap, Secret or key leaves the variable
// unset instead of failing the pod (CreateContainerConfigError), `$(VAR)` references are not
// expanded, and `fieldRef` only knows the pod's namespace and the revision's name.

import type { EnvVar, Revision } from "../../lib/knative/types";
import { LABEL_CONFIGURATION, LABEL_SERVICE } from "../../lib/knative/labels";
import { userContainerOf, userPortOf } from "../../lib/knative/user-container";
import type { Registry } from "../core/registry";
import { CONFIGMAPS, SECRETS } from "../core/resources";
import type { KubeObject } from "../../lib/knative/types";

export type ContainerEnv = Record<string, string>;


interface ConfigMapLike extends KubeObject {
  data?: Record<string, string>;
}
interface SecretLike extends KubeObject {
  data?: Record<string, string>; // base64
  stringData?: Record<string, string>;
}


export function resolveContainerEnv(revision: Revision, registry: Registry): ContainerEnv {
  const namespace = revision.metadata.namespace ?? "default";
  const container = userContainerOf(revision);
  const lookup = new SourceLookup(registry, namespace);
  const env: ContainerEnv = {};

  // envFrom first: explicit `env` entries win over it, as in Kubernetes.
  for (const source of container?.envFrom ?? []) {
    const prefix = source.prefix ?? "";
    const data = source.configMapRef ? lookup.configMap(source.configMapRef.name) : source.secretRef ? lookup.secret(source.secretRef.name) : undefined;
    for (const [k, v] of Object.entries(data ?? {})) env[prefix + k] = v;
  }
  for (const variable of container?.env ?? []) {
    const value = resolveValue(variable, lookup, revision);
    if (value !== undefined) env[variable.name] = value;
  }

  // Knative's own variables; admission rejects them in user env, so they cannot clash.
  const labels = revision.metadata.labels ?? {};
  env.PORT = String(userPortOf(revision));
  env.K_REVISION = revision.metadata.name ?? "";
  env.K_CONFIGURATION = labels[LABEL_CONFIGURATION] ?? "";
  env.K_SERVICE = labels[LABEL_SERVICE] ?? "";
  return env;
}

function resolveValue(variable: EnvVar, lookup: SourceLookup, revision: Revision): string | undefined {
  if (variable.value !== undefined) return variable.value;
  const from = variable.valueFrom;
  if (!from) return ""; // `- name: X` with neither value nor valueFrom is an empty string
  if (from.configMapKeyRef) return lookup.configMap(from.configMapKeyRef.name)?.[from.configMapKeyRef.key];
  if (from.secretKeyRef) return lookup.secret(from.secretKeyRef.name)?.[from.secretKeyRef.key];
  if (from.fieldRef) {
    if (from.fieldRef.fieldPath === "metadata.namespace") return revision.metadata.namespace;
    if (from.fieldRef.fieldPath === "metadata.name") return revision.metadata.name;
  }
  return undefined;
}

/** Reads each ConfigMap and Secret once per resolution. */
class SourceLookup {
  private readonly cache = new Map<string, Record<string, string> | undefined>();

  constructor(
    private readonly registry: Registry,
    private readonly namespace: string,
  ) {}

  configMap(name: string): Record<string, string> | undefined {
    return this.memo(`cm/${name}`, () => this.registry.get<ConfigMapLike>(CONFIGMAPS, this.namespace, name)?.data);
  }

  secret(name: string): Record<string, string> | undefined {
    return this.memo(`secret/${name}`, () => {
      const secret = this.registry.get<SecretLike>(SECRETS, this.namespace, name);
      if (!secret) return undefined;
      const decoded: Record<string, string> = {};
      for (const [k, v] of Object.entries(secret.data ?? {})) decoded[k] = Buffer.from(v, "base64").toString("utf8");
      // The API server folds stringData into data on write; a store that keeps it is read too.
      return { ...decoded, ...secret.stringData };
    });
  }

  private memo(key: string, load: () => Record<string, string> | undefined) {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key);
  }
}

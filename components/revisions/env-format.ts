// Environment variables as people read them: `KEY=value` for literals and `KEY ← secret
// name.key` for references, which the console never resolves (it would mean reading Secrets).

import type { Container, EnvVar } from "@/lib/knative/types";

export type EnvSource = "Custom" | "ConfigMap" | "Secret" | "Field" | "Resource";

export interface EnvDescription {
  name: string;
  source: EnvSource;
  /** The literal value, or what the value is taken from. */
  value: string;
}

export function describeEnv(env: EnvVar): EnvDescription {
  const from = env.valueFrom;
  if (from?.secretKeyRef) return { name: env.name, source: "Secret", value: `${from.secretKeyRef.name}.${from.secretKeyRef.key}` };
  if (from?.configMapKeyRef) return { name: env.name, source: "ConfigMap", value: `${from.configMapKeyRef.name}.${from.configMapKeyRef.key}` };
  if (from?.fieldRef) return { name: env.name, source: "Field", value: from.fieldRef.fieldPath };
  if (from?.resourceFieldRef) return { name: env.name, source: "Resource", value: from.resourceFieldRef.resource };
  return { name: env.name, source: "Custom", value: env.value ?? "" };
}

export function envLine(d: EnvDescription): string {
  return d.source === "Custom" ? `${d.name}=${d.value}` : `${d.name} ← ${d.source.toLowerCase()} ${d.value}`;
}

/** Every variable of every container, plus the envFrom sources, one line each. */
export function envLines(containers: Container[]): string[] {
  const lines: string[] = [];
  for (const c of containers) {
    for (const env of c.env ?? []) lines.push(envLine(describeEnv(env)));
    for (const from of c.envFrom ?? []) {
      const prefix = from.prefix ? ` (prefix ${from.prefix})` : "";
      if (from.configMapRef) lines.push(`all of configmap ${from.configMapRef.name}${prefix}`);
      if (from.secretRef) lines.push(`all of secret ${from.secretRef.name}${prefix}`);
    }
  }
  return lines;
}

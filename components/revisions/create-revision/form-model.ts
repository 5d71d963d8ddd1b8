// The Basic Information step as form values (strings, as typed) and the way back to a revision
// template. The new template is the one the wizard opened with, with only the fields the user
// changed written over it, so it differs from the latest revision exactly where they edited.

import { AUTOSCALING_KEYS, getByPriority, type KeyPriority } from "@/lib/knative/annotation-keys";
import type { Container, EnvVar, RevisionTemplateSpec } from "@/lib/knative/types";
import { DEFAULT_USER_PORT } from "@/lib/knative/user-container";
import { userContainerIndex } from "@/lib/knative/user-container-index";

export type EnvKind = "custom" | "configMap" | "secret" | "other";

export interface EnvRow {
  /** Stable across edits, for React keys and focus. */
  id: string;
  kind: EnvKind;
  name: string;
  /** The literal value (custom). */
  value: string;
  /** The ConfigMap or Secret the value comes from. */
  source: string;
  /** Its key. */
  key: string;
  /** The variable as it was: kept as is for the sources the wizard does not edit (fieldRef, resourceFieldRef). */
  original?: EnvVar;
}

export interface BasicForm {
  image: string;
  port: string;
  env: EnvRow[];
  /** One entry per line. */
  command: string;
  args: string;
  cpuRequest: string;
  cpuLimit: string;
  memoryRequest: string;
  memoryLimit: string;
  containerConcurrency: string;
  timeoutSeconds: string;
  minScale: string;
  maxScale: string;
  target: string;
  revisionName: string;
}

export type ScalingField = "minScale" | "maxScale" | "target";
export const SCALING_KEYS: Record<ScalingField, KeyPriority> = { minScale: AUTOSCALING_KEYS.minScale, maxScale: AUTOSCALING_KEYS.maxScale, target: AUTOSCALING_KEYS.target };

export type ResourceField = "cpuRequest" | "cpuLimit" | "memoryRequest" | "memoryLimit";
export const RESOURCE_FIELDS: Record<ResourceField, { kind: "requests" | "limits"; resource: "cpu" | "memory" }> = {
  cpuRequest: { kind: "requests", resource: "cpu" },
  cpuLimit: { kind: "limits", resource: "cpu" },
  memoryRequest: { kind: "requests", resource: "memory" },
  memoryLimit: { kind: "limits", resource: "memory" },
};

let nextRowId = 0;
export function newRowId(): string {
  return `env-${++nextRowId}`;
}

export function emptyEnvRow(): EnvRow {
  return { id: newRowId(), kind: "custom", name: "", value: "", source: "", key: "" };
}

export function envRowOf(env: EnvVar): EnvRow {
  const row = { id: newRowId(), name: env.name, value: "", source: "", key: "", original: env };
  const from = env.valueFrom;
  if (from?.configMapKeyRef) return { ...row, kind: "configMap", source: from.configMapKeyRef.name, key: from.configMapKeyRef.key };
  if (from?.secretKeyRef) return { ...row, kind: "secret", source: from.secretKeyRef.name, key: from.secretKeyRef.key };
  if (from) return { ...row, kind: "other" };
  return { ...row, kind: "custom", value: env.value ?? "" };
}

export function envVarOf(row: EnvRow): EnvVar {
  const keep = row.original?.valueFrom;
  switch (row.kind) {
    case "custom":
      return { name: row.name, value: row.value };
    case "configMap": {
      const optional = keep?.configMapKeyRef?.optional;
      return { name: row.name, valueFrom: { configMapKeyRef: { name: row.source, key: row.key, ...(optional === undefined ? {} : { optional }) } } };
    }
    case "secret": {
      const optional = keep?.secretKeyRef?.optional;
      return { name: row.name, valueFrom: { secretKeyRef: { name: row.source, key: row.key, ...(optional === undefined ? {} : { optional }) } } };
    }
    case "other":
      return { ...row.original!, name: row.name };
  }
}

const lines = (argv: string[] | undefined) => (argv ?? []).join("\n");
const numberText = (n: number | undefined) => (n === undefined ? "" : String(n));

export function formFromTemplate(template: RevisionTemplateSpec, revisionName: string): BasicForm {
  const container: Container = template.spec.containers[userContainerIndex(template.spec)] ?? {};
  const annotations = template.metadata?.annotations ?? {};
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  return {
    image: container.image ?? "",
    // Without a port the container gets Knative's default; show it rather than an empty box.
    // Left at that value it is not a change, so no port is added to the template.
    port: String(container.ports?.[0]?.containerPort ?? DEFAULT_USER_PORT),
    env: (container.env ?? []).map(envRowOf),
    command: lines(container.command),
    args: lines(container.args),
    cpuRequest: requests.cpu ?? "",
    cpuLimit: limits.cpu ?? "",
    memoryRequest: requests.memory ?? "",
    memoryLimit: limits.memory ?? "",
    containerConcurrency: numberText(template.spec.containerConcurrency),
    timeoutSeconds: numberText(template.spec.timeoutSeconds),
    minScale: getByPriority(annotations, SCALING_KEYS.minScale).v,
    maxScale: getByPriority(annotations, SCALING_KEYS.maxScale).v,
    target: getByPriority(annotations, SCALING_KEYS.target).v,
    revisionName,
  };
}

/** A command or args box: one entry per line, blank lines dropped. */
export function argvOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "");
}

/** A whole number as typed, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

const sameEnv = (a: EnvRow[], b: EnvRow[]) => JSON.stringify(a.map(envVarOf)) === JSON.stringify(b.map(envVarOf));

/** Whether the user changed `field` from what the wizard opened with. */
export function fieldChanged(initial: BasicForm, form: BasicForm, field: keyof BasicForm): boolean {
  return field === "env" ? !sameEnv(initial.env, form.env) : initial[field] !== form[field];
}

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function applyScaling(template: RevisionTemplateSpec, field: ScalingField, text: string): void {
  const keys = SCALING_KEYS[field];
  const metadata = (template.metadata ??= {});
  const annotations = { ...(metadata.annotations ?? {}) };
  // Written under the spelling already there (a legacy alias stays an alias); cleared under all.
  const { k } = getByPriority(annotations, keys);
  for (const key of keys) delete annotations[key];
  if (text.trim() !== "") annotations[k] = text.trim();
  setOrDelete(metadata, "annotations", Object.keys(annotations).length > 0 ? annotations : undefined);
}

function applyResource(container: Container, field: ResourceField, text: string): void {
  const { kind, resource } = RESOURCE_FIELDS[field];
  const resources = (container.resources ??= {});
  const map = { ...(resources[kind] ?? {}) };
  setOrDelete(map, resource, text.trim() === "" ? undefined : text.trim());
  setOrDelete(resources, kind, Object.keys(map).length > 0 ? map : undefined);
}

/**
 * The new revision's template: `base` with the fields changed between `initial` and `form`
 * written over it, named `name`. Numbers that do not parse are left out (the checks say so).
 */
export function templateFromForm(base: RevisionTemplateSpec, initial: BasicForm, form: BasicForm, name: string): RevisionTemplateSpec {
  const template = structuredClone(base);
  template.metadata = { ...(template.metadata ?? {}), name };
  const container = template.spec.containers[userContainerIndex(template.spec)]!;
  const changed = (field: keyof BasicForm) => fieldChanged(initial, form, field);

  if (changed("image")) container.image = form.image.trim();
  if (changed("port")) {
    const port = wholeNumber(form.port);
    if (port === undefined) delete container.ports;
    else container.ports = [{ ...(container.ports?.[0] ?? {}), containerPort: port }];
  }
  if (changed("env")) setOrDelete(container, "env", form.env.length > 0 ? form.env.map(envVarOf) : undefined);
  for (const field of ["command", "args"] as const) {
    if (!changed(field)) continue;
    const argv = argvOf(form[field]);
    setOrDelete(container, field, argv.length > 0 ? argv : undefined);
  }
  for (const field of Object.keys(RESOURCE_FIELDS) as ResourceField[]) {
    if (changed(field)) applyResource(container, field, form[field]);
  }
  for (const field of ["containerConcurrency", "timeoutSeconds"] as const) {
    if (changed(field)) setOrDelete(template.spec, field, wholeNumber(form[field]));
  }
  for (const field of Object.keys(SCALING_KEYS) as ScalingField[]) {
    if (changed(field)) applyScaling(template, field, form[field]);
  }
  return template;
}

/**
 * The user's edits carried over to a newer template (after a conflict): every field they changed
 * keeps their value, every other field takes the newer template's.
 */
export function rebaseForm(oldInitial: BasicForm, form: BasicForm, newInitial: BasicForm): BasicForm {
  const out = { ...newInitial };
  for (const field of Object.keys(form) as Array<keyof BasicForm>) {
    if (fieldChanged(oldInitial, form, field)) (out as Record<string, unknown>)[field] = form[field];
  }
  return out;
}

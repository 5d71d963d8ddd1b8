// What a new revision changes compared with the template it starts from, one line per
// difference, for the Create Revision wizard's summary: "env TARGET: (unset) → Knative on ASM".
// Only what the wizard edits is compared: the user container's image, port, environment,
// command, args and resources; the revision's concurrency and timeout; the template's
// annotations and labels.

import { AUTOSCALING_PREFIX } from "./labels";
import type { Container, EnvVar, RevisionTemplateSpec } from "./types";
import { userContainerIndex } from "./user-container-index";

export const UNSET = "(unset)";

export interface TemplateChange {
  /** What changed: "image", "env TARGET", "cpu limit", "min-scale". */
  what: string;
  before: string;
  after: string;
}

/** An environment variable's value as a reader needs it; references are named, never resolved. */
export function envValueText(env: EnvVar): string {
  const from = env.valueFrom;
  if (from?.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}.${from.configMapKeyRef.key}`;
  if (from?.secretKeyRef) return `secret ${from.secretKeyRef.name}.${from.secretKeyRef.key}`;
  if (from?.fieldRef) return `field ${from.fieldRef.fieldPath}`;
  if (from?.resourceFieldRef) return `resource ${from.resourceFieldRef.resource}`;
  return env.value === undefined || env.value === "" ? '""' : env.value;
}

/** A command line as typed: entries with spaces (or empty ones) quoted. */
function argvText(argv: string[] | undefined): string {
  if (!argv || argv.length === 0) return UNSET;
  return argv.map((a) => (a === "" || /\s|"/.test(a) ? JSON.stringify(a) : a)).join(" ");
}

const text = (v: string | number | undefined) => (v === undefined ? UNSET : String(v));

function compareMaps(what: (key: string) => string, before: Record<string, string> = {}, after: Record<string, string> = {}): TemplateChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => before[k] !== after[k]).map((k) => ({ what: what(k), before: text(before[k]), after: text(after[k]) }));
}

function envMap(container: Container): Record<string, string> {
  // With a name defined twice the later one wins, as in the kubelet.
  return Object.fromEntries((container.env ?? []).map((e) => [e.name, envValueText(e)]));
}

function compareContainers(before: Container, after: Container): TemplateChange[] {
  const changes: TemplateChange[] = [];
  const add = (what: string, b: string, a: string) => {
    if (b !== a) changes.push({ what, before: b, after: a });
  };
  add("image", text(before.image), text(after.image));
  add("container port", text(before.ports?.[0]?.containerPort), text(after.ports?.[0]?.containerPort));
  changes.push(...compareMaps((k) => `env ${k}`, envMap(before), envMap(after)));
  add("command", argvText(before.command), argvText(after.command));
  add("args", argvText(before.args), argvText(after.args));
  changes.push(...compareMaps((k) => `${k} request`, before.resources?.requests, after.resources?.requests));
  changes.push(...compareMaps((k) => `${k} limit`, before.resources?.limits, after.resources?.limits));
  return changes;
}

export function templateChanges(before: RevisionTemplateSpec, after: RevisionTemplateSpec): TemplateChange[] {
  const b = before.spec.containers[userContainerIndex(before.spec)] ?? {};
  const a = after.spec.containers[userContainerIndex(after.spec)] ?? {};
  const changes = compareContainers(b, a);
  for (const field of ["containerConcurrency", "timeoutSeconds"] as const) {
    if (before.spec[field] !== after.spec[field]) changes.push({ what: field, before: text(before.spec[field]), after: text(after.spec[field]) });
  }
  const annotation = (k: string) => (k.startsWith(AUTOSCALING_PREFIX) ? k.slice(AUTOSCALING_PREFIX.length) : `annotation ${k}`);
  changes.push(...compareMaps(annotation, before.metadata?.annotations, after.metadata?.annotations));
  changes.push(...compareMaps((k) => `label ${k}`, before.metadata?.labels, after.metadata?.labels));
  return changes;
}

export function changeLine(change: TemplateChange): string {
  return `${change.what}: ${change.before} → ${change.after}`;
}

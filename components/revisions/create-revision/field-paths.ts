// Where a problem belongs in the wizard. Knative's checks and the console's server name fields
// by their path in the Service (`spec.template.spec.containers[0].env[1].name`); the wizard shows
// each problem next to the control that edits that field, or at the top when none does.

import { SCALING_KEYS, RESOURCE_FIELDS, type ResourceField, type ScalingField } from "./form-model";

/** Problems by the control they belong to (see the field ids below). */
export type FieldMessages = Record<string, string[]>;

/** Problems no control edits; shown at the top of the step, with their paths. */
export const GENERAL = "general";
/** The split as a whole (its sum). */
export const TRAFFIC_TOTAL = "traffic";

export type EnvPart = "name" | "value" | "source" | "key";
export const envField = (row: number, part: EnvPart) => `env.${row}.${part}`;
export const percentField = (row: number) => `traffic.${row}.percent`;
export const tagField = (row: number) => `traffic.${row}.tag`;

export function addMessage(messages: FieldMessages, field: string, message: string): void {
  const list = (messages[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

function envPart(rest: string | undefined): EnvPart {
  if (!rest || rest.startsWith("name")) return "name";
  if (rest === "value") return "value";
  if (/KeyRef\.name$/.test(rest)) return "source";
  if (/KeyRef\.key$/.test(rest)) return "key";
  return "value";
}

function containerField(rest: string): string | undefined {
  if (rest.startsWith("image")) return "image";
  if (rest.startsWith("ports")) return "port";
  if (rest.startsWith("command")) return "command";
  if (rest.startsWith("args")) return "args";
  const env = /^env\[(\d+)\](?:\.(.*))?$/.exec(rest);
  if (env) return envField(Number(env[1]), envPart(env[2]));
  const resource = /^resources\.(requests|limits)\.(\w+)/.exec(rest);
  if (resource) {
    const field = (Object.keys(RESOURCE_FIELDS) as ResourceField[]).find((f) => RESOURCE_FIELDS[f].kind === resource[1] && RESOURCE_FIELDS[f].resource === resource[2]);
    if (field) return field;
  }
  return undefined;
}

/** The Basic Information control for a Service field path, if one edits it. */
export function basicFieldOf(path: string, containerIndex: number): string | undefined {
  if (!path.startsWith("spec.template.")) return undefined;
  const p = path.slice("spec.template.".length);
  if (p.startsWith("metadata.name")) return "revisionName";
  if (p.startsWith("metadata.annotations.")) {
    const key = p.slice("metadata.annotations.".length);
    return (Object.keys(SCALING_KEYS) as ScalingField[]).find((f) => SCALING_KEYS[f].includes(key));
  }
  if (p === "spec.containerConcurrency") return "containerConcurrency";
  if (p === "spec.timeoutSeconds") return "timeoutSeconds";
  if (p.startsWith("spec.containers[*].ports")) return "port";
  const prefix = `spec.containers[${containerIndex}].`;
  return p.startsWith(prefix) ? containerField(p.slice(prefix.length)) : undefined;
}

/** The traffic control for a Service field path; `rowOfTarget` maps spec.traffic indexes to rows (-1: none). */
export function trafficFieldOf(path: string, rowOfTarget: readonly number[]): string | undefined {
  if (path === "spec.traffic") return TRAFFIC_TOTAL;
  // Knative names a bad tag `spec.traffic.tag[i]` (ErrInvalidArrayValue), a duplicate `spec.traffic[i].tag`.
  const m = /^spec\.traffic(?:\[(\d+)\](?:\.(\w+))?|\.tag\[(\d+)\])/.exec(path);
  if (!m) return undefined;
  const row = rowOfTarget[Number(m[1] ?? m[3])] ?? -1;
  if (row < 0) return TRAFFIC_TOTAL;
  return m[3] !== undefined || m[2] === "tag" ? tagField(row) : percentField(row);
}

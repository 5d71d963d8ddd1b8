// The zod shapes of the console's write requests (lib/queries/write-requests.ts): types and
// bounds only. Knative's own rules (sums, tags, names, env) are checked after, with
// lib/knative, so their messages are the webhook's.

import { z } from "zod";
import { ENV_VAR_NAME_MESSAGE, isEnvVarName } from "@/lib/knative/env-var-name";

const name = z.string().min(1).max(253);
const stringMap = z.record(z.string().max(317), z.string().max(64 * 1024));

export const trafficTargetShape = z.strictObject({
  tag: z.string().max(63).optional(),
  revisionName: name.optional(),
  configurationName: name.optional(),
  latestRevision: z.boolean().optional(),
  percent: z.number().int().min(0).max(100).optional(),
  /** An output field, accepted as the cluster's own objects carry it. */
  url: z.string().max(2048).optional(),
});

const trafficShape = z.array(trafficTargetShape).max(64);
const resourceVersion = z.string().min(1).max(64).regex(/^\d+$/, "must be a resourceVersion the cluster gave");

const envVarSourceShape = z
  .strictObject({
    configMapKeyRef: z.strictObject({ name, key: z.string().min(1).max(253), optional: z.boolean().optional() }).optional(),
    secretKeyRef: z.strictObject({ name, key: z.string().min(1).max(253), optional: z.boolean().optional() }).optional(),
    fieldRef: z.strictObject({ fieldPath: z.string(), apiVersion: z.string().optional() }).optional(),
    resourceFieldRef: z.strictObject({ resource: z.string(), containerName: z.string().optional(), divisor: z.string().optional() }).optional(),
  })
  // Knative's webhook lets an empty valueFrom through and the pod is then refused by Kubernetes
  // ("must specify one of"); the console refuses it while the user can still fix it.
  .refine((source) => Object.values(source).filter(Boolean).length === 1, "must specify exactly one of: configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef");

const envVarShape = z.strictObject({
  // Checked as Kubernetes checks the pod's env later, which Knative's webhook does not.
  name: z.string().min(1).max(1024).refine((n) => isEnvVarName(n).length === 0, ENV_VAR_NAME_MESSAGE),
  value: z.string().max(64 * 1024).optional(),
  valueFrom: envVarSourceShape.optional(),
})
  // Kubernetes' pod validation, again: one source per variable.
  .refine((v) => !(v.value && v.valueFrom), { message: "may not be specified when `value` is not empty", path: ["valueFrom"] });

const quantities = z.record(z.enum(["cpu", "memory", "ephemeral-storage"]), z.string().max(64)).optional();

/** A container as the wizard edits it; the fields it does not edit pass through as they were. */
const containerShape = z.looseObject({
  name: z.string().max(63).optional(),
  image: z.string().min(1).max(4096),
  command: z.array(z.string().max(4096)).max(64).optional(),
  args: z.array(z.string().max(4096)).max(256).optional(),
  env: z.array(envVarShape).max(256).optional(),
  ports: z.array(z.looseObject({ containerPort: z.number().int().min(1).max(65535), name: z.string().max(15).optional() })).max(1).optional(),
  resources: z.looseObject({ requests: quantities, limits: quantities }).optional(),
});

const templateShape = z.strictObject({
  metadata: z.looseObject({ name: name.optional(), labels: stringMap.optional(), annotations: stringMap.optional() }).optional(),
  spec: z.looseObject({
    containers: z.array(containerShape).min(1).max(10),
    containerConcurrency: z.number().int().min(0).max(1000).optional(),
    timeoutSeconds: z.number().int().min(0).max(3600).optional(),
  }),
});

export const serviceCreationShape = z.strictObject({
  metadata: z.strictObject({ name: z.string().min(1).max(63), labels: stringMap.optional(), annotations: stringMap.optional() }),
  spec: z.strictObject({ template: templateShape, traffic: trafficShape.optional() }),
});

const generation = z.number().int().min(1).optional();

export const trafficUpdateShape = z.strictObject({ resourceVersion, generation, spec: z.strictObject({ traffic: trafficShape }) });

export const revisionCreationShape = z.strictObject({ resourceVersion, generation, spec: z.strictObject({ template: templateShape, traffic: trafficShape }) });

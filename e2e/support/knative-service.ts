// Each spec makes its own Knative Service, uniquely named, through kubectl as a user would, and
// deletes it afterwards: specs never depend on each other's objects or order.

import { randomBytes } from "node:crypto";
import { kubectl } from "./embedded-cluster";

export const HELLO_IMAGE = "ghcr.io/knative/helloworld-go:latest";

/** `prefix-` and six random characters: a valid, unique Service name. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** Creates the Service (`TARGET` set when given) and waits until it is Ready. */
export function createKnativeService(name: string, opts: { namespace?: string; target?: string } = {}): void {
  const namespace = opts.namespace ?? "default";
  const env = opts.target ? [{ name: "TARGET", value: opts.target }] : [];
  const manifest = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name, namespace },
    spec: { template: { spec: { containers: [{ image: HELLO_IMAGE, ...(env.length ? { env } : {}) }] } } },
  };
  kubectl(["apply", "-f", "-"], JSON.stringify(manifest));
  waitReady(name, namespace);
}

export function waitReady(name: string, namespace = "default"): void {
  kubectl(["wait", "--for=condition=Ready", `ksvc/${name}`, "-n", namespace, "--timeout=60s"]);
}

export function deleteKnativeService(name: string, namespace = "default"): void {
  kubectl(["delete", "ksvc", name, "-n", namespace, "--ignore-not-found", "--wait=false"]);
}

/** The Service as the cluster has it now. */
export function getKnativeService(name: string, namespace = "default"): { metadata: { resourceVersion: string; generation: number }; spec: { traffic?: unknown[]; template: unknown }; status?: { traffic?: unknown[] } } {
  return JSON.parse(kubectl(["get", "ksvc", name, "-n", namespace, "-o", "json"]));
}

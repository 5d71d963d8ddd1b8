// Knative's config webhook `config.webhook.serving.knative.dev` (knative/serving cmd/webhook/main.go
// newConfigValidationController, knative/pkg webhook/configmaps/configmaps.go), for the ConfigMap
// of its that the embedded cluster reads: config-observability. A ConfigMap it would refuse is
// refused, with its words, and nothing is stored:
//
//   admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: unsupported protocol "bogus"
//
// Which ConfigMaps it sees: CREATE and UPDATE in Knative's namespace, labelled as
// config/core/webhooks/configmap-validation.yaml's objectSelector says. An edit of the `_example`
// block is refused too, when the ConfigMap carries the checksum of the shipped one.

import { CONFIG_OBSERVABILITY, ObservabilityConfigError, parseObservabilityConfig } from "../../lib/knative/observability-config";
import type { KubeObject } from "../../lib/knative/types";
import { webhookDenied } from "../core/errors";
import type { AdmissionPlugin } from "../core/registry";
import { CONFIGMAPS } from "../core/resources";
import { KNATIVE_SERVING_NAMESPACE } from "./config-observability";

export const CONFIG_WEBHOOK = "config.webhook.serving.knative.dev";

/** configmap-validation.yaml objectSelector: app.kubernetes.io/component In (…). */
const COMPONENTS = new Set(["autoscaler", "controller", "logging", "networking", "observability", "tracing", "net-certmanager"]);
/** knative/pkg configmap ExampleKey, ExampleChecksumAnnotation. */
const EXAMPLE_KEY = "_example";
const EXAMPLE_CHECKSUM_ANNOTATION = "knative.dev/example-checksum";

type ConfigMap = KubeObject & { data?: Record<string, string> };

export function configValidationPlugin(): AdmissionPlugin {
  return {
    name: CONFIG_WEBHOOK,
    validate(req) {
      if (req.type !== CONFIGMAPS || req.operation === "DELETE") return;
      const cm = req.object as ConfigMap;
      const labels = cm.metadata.labels ?? {};
      if (cm.metadata.namespace !== KNATIVE_SERVING_NAMESPACE || labels["app.kubernetes.io/name"] !== "knative-serving") return;
      if (!COMPONENTS.has(labels["app.kubernetes.io/component"] ?? "") || cm.metadata.name !== CONFIG_OBSERVABILITY) return;

      const example = cm.data?.[EXAMPLE_KEY];
      const checksum = cm.metadata.annotations?.[EXAMPLE_CHECKSUM_ANNOTATION];
      if (example !== undefined && checksum !== undefined && checksum !== exampleChecksum(example)) {
        throw webhookDenied(
          CONFIG_WEBHOOK,
          `validation failed: the update modifies a key in "${EXAMPLE_KEY}" which is probably not what you want. Instead, copy the respective setting to the top-level of the ConfigMap, directly below "data"`,
        );
      }
      try {
        parseObservabilityConfig(cm.data);
      } catch (err) {
        if (err instanceof ObservabilityConfigError) throw webhookDenied(CONFIG_WEBHOOK, `validation failed: ${err.message}`);
        throw err;
      }
    },
  };
}

/**
 * knative/pkg configmap.Checksum: the CRC-32 (IEEE) of the value, trimmed, every run of newlines
 * made the two characters `\n` (a raw string in Go), as eight hex digits.
 */
export function exampleChecksum(value: string): string {
  const normalized = value.trim().replace(/(?:\r?\n)+/g, "\\n");
  return crc32(new TextEncoder().encode(normalized)).toString(16).padStart(8, "0");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

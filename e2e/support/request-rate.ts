// What a revision's pods report to the autoscaler: queue-proxy's request_count (requests in the
// last full second), read through the API server's pod proxy as the console's live chart reads it
// (knative/serving pkg/queue/stats_handler.go), summed over the revision's pods.

import { apiFetch } from "../../emulator/testing/api-endpoint";
import { decodeQueueStat } from "../../lib/knative/queue-stat";
import { clusterApi } from "./embedded-cluster";

export async function requestRate(revision: string, namespace = "default"): Promise<number> {
  const api = clusterApi();
  const selector = encodeURIComponent(`serving.knative.dev/revision=${revision}`);
  const pods = (await (await apiFetch(api, `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`)).json()) as { items: Array<{ metadata: { name: string } }> };
  let total = 0;
  for (const pod of pods.items) {
    const res = await apiFetch(api, `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}:9090/proxy/metrics`);
    total += decodeQueueStat(new Uint8Array(await res.arrayBuffer())).requestCount;
  }
  return total;
}

import { getCluster } from "@/lib/k8s/cluster-registry";
import { SSE_HEADERS, liveEventStream } from "@/lib/k8s/live/sse-stream";
import { pollerFor } from "@/lib/k8s/metrics/pollers";
import { SAMPLE_INTERVAL_MS } from "@/lib/k8s/metrics/service-poller";
import { nameParam, namespaceParam, statusResponse } from "@/lib/k8s/route-handler";
import type { MetricsMessage } from "@/lib/metrics/types";

export const dynamic = "force-dynamic";

type Params = { cluster: string; namespace: string; name: string };

/**
 * Server-Sent Events: the Service's live traffic, one sample a second, read from its pods'
 * queue-proxy statistics. A new listener first gets the history the poller holds.
 */
export async function GET(request: Request, context: { params: Promise<Params> }) {
  try {
    const params = await context.params;
    getCluster(params.cluster);
    const poller = pollerFor(params.cluster, namespaceParam(params.namespace), nameParam(params.name));
    const stream = liveEventStream<MetricsMessage>(
      { subscribe: (listener) => poller.subscribe((sample) => listener({ type: "sample", sample })) },
      request.signal,
      15_000,
      () => [{ type: "history", samples: poller.samples(), intervalMs: SAMPLE_INTERVAL_MS }],
    );
    return new Response(stream, { headers: SSE_HEADERS });
  } catch (err) {
    return statusResponse(err);
  }
}

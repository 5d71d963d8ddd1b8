import { getCluster } from "@/lib/k8s/cluster-registry";
import { hubFor } from "@/lib/k8s/live/hubs";
import { SSE_HEADERS, liveEventStream } from "@/lib/k8s/live/sse-stream";
import { statusResponse } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

/** Server-Sent Events: changes to the cluster's Knative objects and its reachability. */
export async function GET(request: Request, context: { params: Promise<{ cluster: string }> }) {
  try {
    const { cluster } = await context.params;
    getCluster(cluster);
    return new Response(liveEventStream(hubFor(cluster), request.signal), { headers: SSE_HEADERS });
  } catch (err) {
    return statusResponse(err);
  }
}

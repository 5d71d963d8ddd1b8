import { getCluster } from "@/lib/k8s/cluster-registry";
import { readJsonBody } from "@/lib/k8s/request-body";
import { nameParam, namespaceParam, statusResponse } from "@/lib/k8s/route-handler";
import { NDJSON_HEADERS } from "@/lib/k8s/test-traffic/event-stream";
import { testTrafficShape } from "@/lib/k8s/test-traffic/request-shape";
import { sendTestTraffic } from "@/lib/k8s/test-traffic/send-requests";

export const dynamic = "force-dynamic";

/** Test requests through the ingress gateway to the Service's URL (or a tag's); the answers stream back as NDJSON. */
export async function POST(request: Request, context: { params: Promise<{ cluster: string; namespace: string; name: string }> }): Promise<Response> {
  try {
    const p = await context.params;
    const ref = getCluster(p.cluster);
    const namespace = namespaceParam(p.namespace);
    const name = nameParam(p.name);
    const stream = await sendTestTraffic(ref, namespace, name, await readJsonBody(request, testTrafficShape), request.signal);
    return new Response(stream, { headers: NDJSON_HEADERS });
  } catch (err) {
    return statusResponse(err);
  }
}

// "Send requests" from start to stream: read the Service, take the URL of the chosen target from
// its status, find the ingress gateway and check it takes connections, take a run slot, and
// answer with the stream of answers. Everything that can be refused is refused before the stream
// starts, as a Status (404 no Service, 422 no such tag or no URL yet, 429 too many runs, 503 no
// gateway or not reachable); nothing is sent then.

import { hostOfUrl } from "@/lib/knative/request-targets";
import { BODY_LIMIT_BYTES, plannedRequests, REQUEST_TIMEOUT_MS, type TestTrafficRequest } from "@/lib/queries/test-traffic";
import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { getService } from "@/lib/k8s/knative-api";
import { testTrafficStream, type StreamTiming } from "./event-stream";
import { resolveGateway } from "./gateway-endpoint";
import { checkGatewayReachable } from "./gateway-reachable";
import { maxInFlightFor } from "./request-run";
import { targetUrl } from "./request-target";
import { runSlots, type RunSlots } from "./run-slots";

export interface SendOptions {
  env?: Record<string, string | undefined>;
  slots?: RunSlots;
  timeoutMs?: number;
  timing?: StreamTiming;
}

export async function sendTestTraffic(
  cluster: ClusterRef,
  namespace: string,
  name: string,
  request: TestTrafficRequest,
  signal: AbortSignal,
  options: SendOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const service = await getService(cluster, namespace, name);
  const url = targetUrl(service, request.target);
  const host = hostOfUrl(url)!;
  const gateway = await resolveGateway(cluster, options.env);
  const release = (options.slots ?? runSlots()).acquire(`${cluster.id}/${namespace}/${name}`, `Service "${namespace}/${name}"`);
  try {
    await checkGatewayReachable(gateway);
  } catch (err) {
    release();
    throw err;
  }
  const planned = plannedRequests(request);
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return testTrafficStream(
    {
      plan: {
        gateway: gateway.url,
        host,
        planned,
        intervalMs: request.mode === "rate" ? 1000 / request.perSecond : 0,
        maxInFlight: maxInFlightFor(request.mode),
        timeoutMs,
        bodyLimit: BODY_LIMIT_BYTES,
      },
      started: { type: "started", url, host, gateway: gateway.url.origin, gatewaySource: gateway.source, planned, timeoutMs },
      release,
    },
    signal,
    options.timing,
  );
}

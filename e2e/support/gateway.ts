// Requests through the embedded cluster's ingress gateway with a Service's host name, as the
// walk-through sends them with `curl -H "Host: …"` (the emulator's own client, on the gateway
// port of the cluster the e2e run started).

import { requestViaGateway, tallyResponses } from "../../emulator/testing/gateway-client";
import { readClusterState } from "./embedded-cluster";

const gatewayUrl = () => `http://127.0.0.1:${readClusterState().gatewayPort}`;

export const viaGateway = (host: string) => requestViaGateway(gatewayUrl(), host);

/** `count` requests one after another, counted by answer (the body, trimmed). */
export async function answersOf(host: string, count: number): Promise<Record<string, number>> {
  const tally = await tallyResponses(gatewayUrl(), host, count);
  return Object.fromEntries(Object.entries(tally).map(([body, n]) => [body.trim(), n]));
}

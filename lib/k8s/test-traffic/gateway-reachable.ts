// Before a run answers with a stream, one TCP connection to the gateway: a gateway that is not
// there is a plain 503 Status naming the address tried, shown as such, instead of a stream of
// identical "connection refused" answers.

import net from "node:net";
import { unreachableReason } from "@/lib/k8s/errors";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { GATEWAY_URL_ENV, type GatewayEndpoint } from "./gateway-endpoint";

export const CONNECT_TIMEOUT_MS = 3_000;

export function gatewayPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

export function checkGatewayReachable(gateway: GatewayEndpoint, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const host = gateway.url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = gatewayPort(gateway.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (reason: string) => {
      socket.destroy();
      // An address found in the cluster may be one only the cluster's own network reaches.
      const hint = gateway.source === GATEWAY_URL_ENV ? "" : ` If the console cannot reach it, set ${GATEWAY_URL_ENV} to an address it can.`;
      reject(new StatusError(kubeStatus(503, `The ingress gateway at ${gateway.url.origin} (${gateway.source}) is not reachable: ${reason}.${hint}`, "ServiceUnavailable")));
    };
    socket.setTimeout(timeoutMs, () => fail(`no connection within ${timeoutMs / 1000} s`));
    socket.once("error", (err) => fail(unreachableReason(err) ?? err.message));
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
  });
}

// Requests through the embedded gateway with a Host header, as `curl -H 'Host: …'` sends them.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function requestViaGateway(gatewayUrl: string, host: string, path = "/"): Promise<{ status: number; body: string }> {
  const url = new URL(path, gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { Host: host }, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** `count` requests, one after another, tallied by response body. */
export async function tallyResponses(gatewayUrl: string, host: string, count: number): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const { status, body } = await requestViaGateway(gatewayUrl, host);
    const key = status === 200 ? body : `${status} ${body}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

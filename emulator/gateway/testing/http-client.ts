// Requests to a gateway with an explicit Host header (fetch cannot set Host), over a keep-alive agent.

import http from "node:http";

export interface TestResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function request(baseUrl: string, host: string, opts: { path?: string; method?: string; headers?: Record<string, string> } = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${opts.path ?? "/"}`, { method: opts.method ?? "GET", headers: { ...opts.headers, host }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** `n` requests, `concurrency` at a time; answers in completion order. */
export async function requestMany(baseUrl: string, host: string, n: number, concurrency = 8): Promise<TestResponse[]> {
  const out: TestResponse[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      out.push(await request(baseUrl, host));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** How many answers had each body. */
export function countBodies(responses: TestResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) counts[r.body] = (counts[r.body] ?? 0) + 1;
  return counts;
}

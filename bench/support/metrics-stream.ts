// A viewer of a Service's live traffic without a browser: the console's metrics stream
// (`GET /api/clusters/{cluster}/namespaces/{ns}/services/{name}/metrics`, Server-Sent Events) read
// as EventSource reads it, every message stamped with the wall-clock time (Date.now()) it arrived.

import type { MetricsMessage } from "../../lib/metrics/types";
import { sleep } from "./stats";
import { readRecords } from "./stream-records";

export interface ArrivedMessage {
  at: number;
  message: MetricsMessage;
}

export interface MetricsStream {
  messages: ArrivedMessage[];
  /** Resolves when the stream ends (closed by the server or by stop()). */
  ended: Promise<void>;
  stop(): void;
}

export const metricsPath = (clusterId: string, namespace: string, name: string) =>
  `/api/clusters/${encodeURIComponent(clusterId)}/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(name)}/metrics`;

/** Opens the stream and resolves once its first message (the history) has arrived. */
export async function openMetricsStream(consoleUrl: string, clusterId: string, namespace: string, name: string, timeoutMs = 10_000): Promise<MetricsStream> {
  const controller = new AbortController();
  const res = await fetch(`${consoleUrl}${metricsPath(clusterId, namespace, name)}`, { signal: controller.signal, headers: { Accept: "text/event-stream" } });
  if (!res.ok || !res.body) throw new Error(`metrics stream of ${namespace}/${name}: ${res.status} ${await res.text()}`);
  const messages: ArrivedMessage[] = [];
  const ended = readRecords(res.body as unknown as AsyncIterable<Uint8Array>, "\n\n", (event, at) => {
    const data = event
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    if (data) messages.push({ at, message: JSON.parse(data) as MetricsMessage });
  });
  for (const deadline = Date.now() + timeoutMs; messages.length === 0; await sleep(20)) {
    if (Date.now() > deadline) {
      controller.abort();
      throw new Error(`the metrics stream of ${namespace}/${name} sent nothing in ${timeoutMs} ms`);
    }
  }
  return { messages, ended, stop: () => controller.abort() };
}

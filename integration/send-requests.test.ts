// "Send requests" against a running embedded cluster, in its own process: the Service is read
// through client-node as on any cluster, the gateway is the address the cluster publishes for
// kourier-system/kourier, and the answers are the embedded gateway's, split by smooth weighted
// round-robin, so 20 requests at 50/50 are exactly 10 and 10.

import { KubeConfig } from "@kubernetes/client-node";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFetch } from "@/emulator/testing/api-endpoint";
import { startClusterProcess, type ClusterProcess } from "@/emulator/testing/cluster-process";
import { tempDataDir } from "@/emulator/testing/api-only";
import { until } from "@/emulator/testing/until";
import { decodeQueueStat } from "@/lib/knative/queue-stat";
import type { Service } from "@/lib/knative/types";
import { StatusError } from "@/lib/queries/status";
import type { AnswerIdentity, AnswerStats, TestTrafficEvent, TestTrafficRequest } from "@/lib/queries/test-traffic";
import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { toKubeStatus } from "@/lib/k8s/errors";
import { RunSlots } from "@/lib/k8s/test-traffic/run-slots";
import { sendTestTraffic, type SendOptions } from "@/lib/k8s/test-traffic/send-requests";

const HELLO = "ghcr.io/knative/helloworld-go:latest";
const SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";

let cluster: ClusterProcess;
let ref: ClusterRef;

async function api<T>(path: string, init: { method?: string; body?: unknown; contentType?: string } = {}): Promise<T> {
  const res = await apiFetch(cluster, path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "Content-Type": init.contentType ?? "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const container = (env: Record<string, string> = {}) => ({ image: HELLO, env: Object.entries(env).map(([name, value]) => ({ name, value })) });

function untilReady(name: string): Promise<Service> {
  return until(`${name} Ready`, async () => {
    const s = await api<Service>(`${SERVICES}/${name}`);
    return s.status?.observedGeneration === s.metadata.generation && s.status?.conditions?.find((c) => c.type === "Ready")?.status === "True" ? s : undefined;
  });
}

async function createService(name: string, env: Record<string, string> = {}): Promise<Service> {
  await api(SERVICES, { method: "POST", body: { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name }, spec: { template: { spec: { containers: [container(env)] } } } } });
  return untilReady(name);
}

/** A second revision with TARGET=Knative on ASM, 50/50 with the first, the new one tagged "canary". */
async function splitFiftyFifty(name: string): Promise<void> {
  await api(`${SERVICES}/${name}`, {
    method: "PATCH",
    contentType: "application/merge-patch+json",
    body: {
      spec: {
        template: { metadata: { name: `${name}-00002` }, spec: { containers: [container({ TARGET: "Knative on ASM" })] } },
        traffic: [
          { revisionName: `${name}-00001`, percent: 50 },
          { revisionName: `${name}-00002`, percent: 50, tag: "canary" },
        ],
      },
    },
  });
  await untilReady(name);
}

interface Run {
  events: TestTrafficEvent[];
  /** Answers by body (status prefixed when not 200), from the last progress or finished event. */
  answers: Record<string, number>;
  groups: Array<AnswerIdentity & AnswerStats>;
  finished: boolean;
}

function summarize(events: TestTrafficEvent[]): Run {
  const identities = new Map<number, AnswerIdentity>();
  let stats: AnswerStats[] = [];
  for (const e of events) {
    if (e.type !== "progress" && e.type !== "finished") continue;
    for (const g of e.newGroups) identities.set(g.id, g);
    stats = e.groups;
  }
  const groups = stats.map((s) => ({ ...identities.get(s.id)!, ...s }));
  const answers = Object.fromEntries(groups.map((g) => [g.error ?? (g.status === 200 ? g.body : `${g.status} ${g.body}`), g.count]));
  return { events, answers, groups, finished: events.some((e) => e.type === "finished") };
}

/** Reads the stream line by line; `onEvent` may stop the run by aborting. */
async function readRun(stream: ReadableStream<Uint8Array>, onEvent?: (e: TestTrafficEvent) => void): Promise<Run> {
  const events: TestTrafficEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const event = JSON.parse(line) as TestTrafficEvent;
      events.push(event);
      onEvent?.(event);
    }
  }
  expect(buffer).toBe("");
  return summarize(events);
}

const send = (name: string, request: TestTrafficRequest, options: SendOptions & { signal?: AbortSignal } = {}) =>
  sendTestTraffic(ref, "default", name, request, options.signal ?? new AbortController().signal, { slots: new RunSlots(), ...options });

/** The Status the route answers with when `promise` is refused. */
async function refusal(promise: Promise<unknown>): Promise<StatusError> {
  try {
    await promise;
  } catch (err) {
    return new StatusError(toKubeStatus(err));
  }
  throw new Error("not refused");
}

/** Requests per second the revision's pods report (queue-proxy's request_count, summed over its pods). */
async function requestRate(revision: string): Promise<number> {
  const pods = await api<{ items: Array<{ metadata: { name: string } }> }>(`/api/v1/namespaces/default/pods?labelSelector=${encodeURIComponent(`serving.knative.dev/revision=${revision}`)}`);
  let total = 0;
  for (const pod of pods.items) {
    const res = await apiFetch(cluster, `/api/v1/namespaces/default/pods/${pod.metadata.name}:9090/proxy/metrics`);
    total += decodeQueueStat(new Uint8Array(await res.arrayBuffer())).requestCount;
  }
  return total;
}

beforeAll(async () => {
  cluster = await startClusterProcess(tempDataDir("kc-send-requests-"), ["--no-seed"]);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(cluster.kubeconfig);
  ref = { id: "embedded", name: "Embedded cluster", source: "embedded", server: cluster.apiUrl, kubeConfig };
  await createService("split");
  await splitFiftyFifty("split");
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe("Send requests on the embedded cluster", () => {
  it("sends 20 requests to the Service URL through the gateway the cluster publishes: 10 and 10 at 50/50", async () => {
    const run = await readRun(await send("split", { target: "service", mode: "count", count: 20 }));
    expect(run.events[0]).toEqual({
      type: "started",
      url: "http://split.default.example.com",
      host: "split.default.example.com",
      gateway: cluster.gatewayUrl.replace(/\/$/, ""),
      gatewaySource: "kourier-system/kourier",
      planned: 20,
      timeoutMs: 15_000,
    });
    expect(run.answers).toEqual({ "Hello World!": 10, "Hello Knative on ASM!": 10 });
    const finished = run.events.at(-1)!;
    expect(finished).toMatchObject({ type: "finished", sent: 20, answered: 20 });
    for (const g of run.groups) {
      expect(g).toMatchObject({ status: 200, truncated: false, count: 10 });
      expect(g.p50Ms).toBeGreaterThan(0);
      expect(g.maxMs).toBeGreaterThanOrEqual(g.p50Ms);
    }
  });

  it("sends to a tag's URL: only the tagged revision answers", async () => {
    const run = await readRun(await send("split", { target: { tag: "canary" }, mode: "count", count: 20 }));
    expect(run.events[0]).toMatchObject({ url: "http://canary-split.default.example.com", host: "canary-split.default.example.com" });
    expect(run.answers).toEqual({ "Hello Knative on ASM!": 20 });
  });

  it("refuses a tag the Service does not have with 422 at target.tag", async () => {
    const err = await refusal(send("split", { target: { tag: "nope" }, mode: "count", count: 5 }));
    expect(err.code).toBe(422);
    expect(err.causes).toEqual([{ field: "target.tag", message: 'Service "split" has no tag "nope" (its tags: canary)', reason: "FieldValueNotFound" }]);
  });

  it("answers 404 for a Service that does not exist", async () => {
    const err = await refusal(send("gone", { target: "service", mode: "count", count: 1 }));
    expect([err.code, err.message]).toEqual([404, 'services.serving.knative.dev "gone" not found']);
  });

  it("sends at a rate for a duration, streaming progress while it runs", async () => {
    const started = Date.now();
    const run = await readRun(await send("split", { target: "service", mode: "rate", perSecond: 20, durationSeconds: 2 }, { timing: { progressMs: 100, heartbeatMs: 500 } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(run.answers).toEqual({ "Hello World!": 20, "Hello Knative on ASM!": 20 });
    const progress = run.events.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(5);
    // Counts grow while the run goes on: they were streamed, not sent at the end.
    const answered = progress.map((e) => (e.type === "progress" ? e.answered : 0));
    expect(answered[0]).toBeLessThan(40);
    expect([...answered].sort((a, b) => a - b)).toEqual(answered);
    // Each group's body is sent once, when it first appears.
    expect(run.events.flatMap((e) => (e.type === "progress" || e.type === "finished" ? e.newGroups : [])).length).toBe(2);
  });

  it("stops when the browser goes away: nothing more reaches the revisions, and the run's slot is free", async () => {
    const browser = new AbortController();
    const slots = new RunSlots();
    let rateWhileRunning = -1;
    const run = await readRun(await send("split", { target: "service", mode: "rate", perSecond: 20, durationSeconds: 60 }, { signal: browser.signal, slots, timing: { progressMs: 100, heartbeatMs: 500 } }), (e) => {
      if (e.type === "progress" && e.answered >= 30 && !browser.signal.aborted) {
        void requestRate("split-00001").then((r) => {
          rateWhileRunning = r;
          browser.abort();
        });
      }
    });
    expect(run.finished).toBe(false);
    expect(slots.inProgress()).toBe(0);
    expect(rateWhileRunning).toBeGreaterThan(0);
    // queue-proxy reports the last full second: two seconds on, no request has arrived since.
    await new Promise((r) => setTimeout(r, 2_200));
    expect(await requestRate("split-00001")).toBe(0);
    expect(await requestRate("split-00002")).toBe(0);
  });

  it("refuses a fourth run at once for one Service with 429 and sends nothing for it", async () => {
    const slots = new RunSlots();
    const stops = [new AbortController(), new AbortController(), new AbortController()];
    const streams = await Promise.all(stops.map((s) => send("split", { target: "service", mode: "rate", perSecond: 1, durationSeconds: 60 }, { signal: s.signal, slots })));
    const err = await refusal(send("split", { target: "service", mode: "count", count: 1 }, { slots }));
    expect(err.code).toBe(429);
    expect(err.message).toBe('Service "default/split" already has 3 runs of requests in progress, the most it may have at once; wait for one to finish or stop it.');
    stops[0]!.abort();
    await readRun(streams[0]!);
    const fourth = await readRun(await send("split", { target: "service", mode: "count", count: 2 }, { slots }));
    expect(fourth.finished).toBe(true);
    for (const s of stops) s.abort();
    await Promise.all(streams.slice(1).map((s) => readRun(s)));
    expect(slots.inProgress()).toBe(0);
  });

  it("groups a revision's errors by status and body, apart from its good answers", async () => {
    await createService("flaky", { ERROR_RATE: "0.25", ERROR_STATUS: "503" });
    const run = await readRun(await send("flaky", { target: "service", mode: "count", count: 20 }));
    expect(run.answers).toEqual({
      "Hello World!": 15,
      "503 injected failure: flaky-00001 answers 503 to ERROR_RATE=0.25 of requests": 5,
    });
  });

  it("counts an answer slower than the timeout as no answer, and cuts a body longer than 4 KiB", async () => {
    await createService("slow", { RESPONSE_DELAY_MS: "1500" });
    const slow = await readRun(await send("slow", { target: "service", mode: "count", count: 3 }, { timeoutMs: 300 }));
    expect(slow.answers).toEqual({ "no answer within 0.3 s": 3 });

    await createService("wordy", { TARGET: "x".repeat(5_000) });
    const wordy = await readRun(await send("wordy", { target: "service", mode: "count", count: 2 }));
    expect(wordy.groups).toHaveLength(1);
    expect(wordy.groups[0]).toMatchObject({ status: 200, truncated: true, count: 2 });
    expect(wordy.groups[0]!.body).toBe(`Hello ${"x".repeat(4096 - "Hello ".length)}`);
  });

  it("names the gateway address it tried when nothing listens there, and sends nothing", async () => {
    const port = await closedPort();
    const slots = new RunSlots();
    const err = await refusal(send("split", { target: "service", mode: "count", count: 5 }, { slots, env: { KNATIVE_CONSOLE_GATEWAY_URL: `embedded=http://127.0.0.1:${port}` } }));
    expect(err.code).toBe(503);
    expect(err.message).toBe(`The ingress gateway at http://127.0.0.1:${port} (KNATIVE_CONSOLE_GATEWAY_URL) is not reachable: connection refused (127.0.0.1:${port}).`);
    expect(slots.inProgress()).toBe(0);
  });

  it("names the published address it tried when the gateway Service points where nothing listens", async () => {
    const port = await closedPort();
    const kourier = "/api/v1/namespaces/kourier-system/services/kourier";
    const before = await api<{ spec: { ports: Array<{ port: number }> } }>(kourier);
    await api(kourier, { method: "PATCH", contentType: "application/json-patch+json", body: [{ op: "replace", path: "/spec/ports/0/port", value: port }] });
    try {
      const err = await refusal(send("split", { target: "service", mode: "count", count: 5 }));
      expect(err.code).toBe(503);
      expect(err.message).toBe(
        `The ingress gateway at http://127.0.0.1:${port} (kourier-system/kourier) is not reachable: connection refused (127.0.0.1:${port}). If the console cannot reach it, set KNATIVE_CONSOLE_GATEWAY_URL to an address it can.`,
      );
    } finally {
      await api(kourier, { method: "PATCH", contentType: "application/json-patch+json", body: [{ op: "replace", path: "/spec/ports/0/port", value: before.spec.ports[0]!.port }] });
    }
    expect((await readRun(await send("split", { target: "service", mode: "count", count: 2 }))).finished).toBe(true);
  });

  it("says there is no gateway when the cluster has none", async () => {
    await apiFetch(cluster, "/api/v1/namespaces/kourier-system/services/kourier", { method: "DELETE" });
    const err = await refusal(send("split", { target: "service", mode: "count", count: 5 }));
    expect(err.code).toBe(503);
    expect(err.message).toBe(
      'No ingress gateway found in cluster "Embedded cluster" (none of kourier-system/kourier, istio-system/istio-ingressgateway, contour-external/envoy). Set KNATIVE_CONSOLE_GATEWAY_URL to an address of the gateway the console can reach.',
    );
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

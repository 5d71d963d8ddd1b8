// The embedded cluster, as its own process, under hundreds of malformed requests: each is refused
// with the status kube-apiserver gives it, none changes anything (every stored object, compared
// before and after), none is a 5xx or hangs, and the process is alive and healthy at the end.

import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { FIXTURES } from "./fixtures";
import { malformedRequests, type MalformedRequest } from "./malformed-requests";

interface Answer {
  status: number;
  body: string;
}

let cluster: ClusterProcess;

/** node:https rather than fetch: any method, any path bytes, any body, a declared length that lies. */
function send(req: Omit<MalformedRequest, "expect" | "name">, opts: { timeoutMs?: number; declaredLength?: number } = {}): Promise<Answer> {
  const url = new URL(cluster.apiUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  const headers: Record<string, string | number> = { ...req.headers };
  if (!req.anonymous) headers.Authorization = `Bearer ${cluster.token}`;
  if (body) headers["Content-Length"] = opts.declaredLength ?? body.length;
  return new Promise((resolve, reject) => {
    let answered = false;
    const r = https.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: false, ca: cluster.caCert }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    r.setTimeout(opts.timeoutMs ?? 15_000, () => r.destroy(new Error(`no answer in ${opts.timeoutMs ?? 15_000} ms: ${req.method} ${req.path}`)));
    // A server that refuses a body before reading all of it closes the connection while we are
    // still writing (EPIPE): what counts is the answer it sent first.
    r.on("error", (err) => {
      if (!answered) reject(err);
    });
    if (body) r.write(body);
    if (opts.declaredLength === undefined) r.end();
  });
}

/**
 * A refused write may close the connection while our side is still writing its body (EPIPE,
 * ECONNRESET) before the answer is read: then the same request is sent once more, which, being
 * refused, changes nothing either. A server that breaks the connection every time still fails.
 */
async function sendOnceMore(req: MalformedRequest): Promise<Answer> {
  try {
    return await send(req);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EPIPE" && code !== "ECONNRESET") throw err;
    return send(req);
  }
}

async function getJson(path: string): Promise<Record<string, unknown>> {
  const a = await send({ method: "GET", path });
  expect(a.status, `${path}: ${a.body}`).toBe(200);
  return JSON.parse(a.body) as Record<string, unknown>;
}

const SNAPSHOT_COLLECTIONS = [
  "/apis/serving.knative.dev/v1/services",
  "/apis/serving.knative.dev/v1/configurations",
  "/apis/serving.knative.dev/v1/revisions",
  "/apis/serving.knative.dev/v1/routes",
  "/api/v1/namespaces",
  "/api/v1/configmaps",
  "/api/v1/secrets",
  "/api/v1/services",
];

/** Every stored object of every kind a client may write, whole. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of SNAPSHOT_COLLECTIONS) out[c] = ((await getJson(c)).items as unknown[]) ?? [];
  return out;
}

async function settled(): Promise<Record<string, unknown[]>> {
  let before = await snapshot();
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const after = await snapshot();
    if (JSON.stringify(after) === JSON.stringify(before)) return after;
    before = after;
  }
}

const current: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  // Revisions keep their pods for the whole run: nothing but the cases could change a thing.
  cluster = await startClusterProcess(tempDataDir(), ["--no-seed", "--scale-to-zero-grace-ms", "600000"]);
  for (const f of FIXTURES) {
    const created = await send({ method: "POST", path: f.collection, headers: { "Content-Type": "application/json" }, body: JSON.stringify(f.valid(f.name)) });
    expect(created.status, created.body).toBe(201);
  }
  for (;;) {
    const ksvc = await getJson(FIXTURES[0]!.item);
    const ready = ((ksvc.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await settled();
  for (const f of FIXTURES) current[f.key] = await getJson(f.item);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
});

describe("malformed requests to the embedded cluster", () => {
  it("refuses each one with kube-apiserver's status and changes nothing", async () => {
    const cases = malformedRequests(current);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const before = await snapshot();
    const wrong: string[] = [];
    for (const c of cases) {
      let answer: Answer;
      try {
        answer = await sendOnceMore(c);
      } catch (err) {
        wrong.push(`${c.name}: no answer: ${(err as Error).message}`);
        continue;
      }
      if (answer.status !== c.expect) wrong.push(`${c.name}: expected ${c.expect}, got ${answer.status} ${answer.body.slice(0, 300)}`);
      else if (answer.status !== 405 || answer.body) {
        // Every refusal is a Status object, as kube-apiserver answers.
        const status = JSON.parse(answer.body) as { kind?: string; code?: number };
        if (status.kind !== "Status" || status.code !== c.expect) wrong.push(`${c.name}: not a Status: ${answer.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 240_000);

  it("answers a body that never arrives within its deadline, and serves others meanwhile", async () => {
    const before = await snapshot();
    const started = Date.now();
    const stalled = FIXTURES.slice(0, 3).map((f) =>
      send({ method: "POST", path: f.collection, headers: { "Content-Type": "application/json" }, body: "{" }, { declaredLength: 1000, timeoutMs: 20_000 }),
    );
    expect((await send({ method: "GET", path: "/healthz", anonymous: true })).status).toBe(200);
    for (const answer of await Promise.all(stalled)) expect(answer.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await snapshot()).toEqual(before);
  }, 30_000);

  it("answers a watch at a version it has not reached with kube-apiserver's 504, not a hang", async () => {
    const list = await getJson("/api/v1/namespaces/default/configmaps");
    const future = Number((list.metadata as { resourceVersion: string }).resourceVersion) + 1_000_000;
    const started = Date.now();
    const answer = await send({ method: "GET", path: `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${future}` }, { timeoutMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.body)).toMatchObject({
      kind: "Status",
      reason: "Timeout",
      code: 504,
      message: expect.stringMatching(/^Timeout: Too large resource version: \d+, current: \d+$/),
      details: { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 },
    });
  });

  it("is still alive, healthy and without internal errors at the end", async () => {
    expect(cluster.child.exitCode).toBeNull();
    expect((await send({ method: "GET", path: "/healthz", anonymous: true })).status).toBe(200);
    expect(cluster.output()).not.toMatch(/internal error|TypeError|RangeError|Maximum call stack/);
  });
});

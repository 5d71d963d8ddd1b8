// kubectl, unchanged, against the embedded cluster: what a user types, what they read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClusterProcess, type ClusterProcess } from "./testing/cluster-process";
import { tempDataDir } from "./testing/api-only";
import { hasKubectl, kubectlRunner } from "./testing/kubectl";

const SERVICE_V2 = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: helloworld-go
  namespace: default
spec:
  template:
    spec:
      containers:
      - image: ghcr.io/knative/helloworld-go:latest
        ports:
        - containerPort: 8080
        env:
        - name: TARGET
          value: Knative on ASM
`;

describe.runIf(hasKubectl())("kubectl against the embedded cluster", () => {
  let cluster: ClusterProcess;
  let kubectl: ReturnType<typeof kubectlRunner>;

  beforeAll(async () => {
    cluster = await startClusterProcess(tempDataDir());
    kubectl = kubectlRunner(cluster.kubeconfig);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("shows the seeded helloworld-go Ready with its URL", async () => {
    const wait = await kubectl(["wait", "--for=condition=Ready", "ksvc/helloworld-go", "--timeout=30s"]);
    expect(wait.stderr).toBe("");
    expect(wait.stdout.trim()).toBe("service.serving.knative.dev/helloworld-go condition met");
    const get = await kubectl(["get", "ksvc"]);
    const [header, row] = get.stdout.trim().split("\n");
    expect(header!.split(/\s+/)).toEqual(["NAME", "URL", "LATESTCREATED", "LATESTREADY", "READY", "REASON"]);
    expect(row!.split(/\s+/)).toEqual(["helloworld-go", "http://helloworld-go.default.example.com", "helloworld-go-00001", "helloworld-go-00001", "True"]);
  });

  it("applies a new template, which stamps helloworld-go-00002", async () => {
    const apply = await kubectl(["apply", "-f", "-"], SERVICE_V2);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout.trim()).toBe("service.serving.knative.dev/helloworld-go configured");
    await kubectl(["wait", "--for=condition=Ready", "ksvc/helloworld-go", "--timeout=30s"]);
    const revs = await kubectl(["get", "rev", "-o", "name"]);
    expect(revs.stdout.trim().split("\n")).toEqual(["revision.serving.knative.dev/helloworld-go-00001", "revision.serving.knative.dev/helloworld-go-00002"]);
    const table = await kubectl(["get", "rev", "helloworld-go-00002"]);
    expect(table.stdout.split("\n")[0]!.split(/\s{2,}/)).toEqual(["NAME", "CONFIG NAME", "GENERATION", "READY", "REASON", "ACTUAL REPLICAS", "DESIRED REPLICAS"]);
  });

  it("patches the traffic with a merge patch, and refuses a split that sums to 90", async () => {
    const ok = await kubectl([
      "patch", "ksvc", "helloworld-go", "--type", "merge", "-p",
      JSON.stringify({ spec: { traffic: [{ revisionName: "helloworld-go-00001", percent: 50 }, { latestRevision: true, percent: 50 }] } }),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe("service.serving.knative.dev/helloworld-go patched");
    const before = await kubectl(["get", "ksvc", "helloworld-go", "-o", "jsonpath={.metadata.resourceVersion}"]);
    const bad = await kubectl([
      "patch", "ksvc", "helloworld-go", "--type", "merge", "-p",
      JSON.stringify({ spec: { traffic: [{ revisionName: "helloworld-go-00001", percent: 40 }, { latestRevision: true, percent: 50 }] } }),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'Error from server (BadRequest): admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Traffic targets sum to 90, want 100: spec.traffic',
    );
    const after = await kubectl(["get", "ksvc", "helloworld-go", "-o", "jsonpath={.metadata.resourceVersion}"]);
    expect(after.stdout).toBe(before.stdout);
  });

  it("refuses a strategic merge patch on a custom resource as kube-apiserver does", async () => {
    const res = await kubectl(["patch", "ksvc", "helloworld-go", "-p", '{"metadata":{"labels":{"a":"b"}}}']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("error: application/strategic-merge-patch+json is not supported by serving.knative.dev/v1, Kind=Service");
  });

  it("streams changes with get -w", async () => {
    const watching = kubectl(["get", "ksvc", "helloworld-go", "-w", "--output-watch-events", "--request-timeout=4s"], undefined, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    await kubectl(["label", "ksvc", "helloworld-go", "team=canary"]);
    const out = await watching;
    expect(out.stdout).toMatch(/MODIFIED\s+helloworld-go/);
  });

  it("creates core objects the way kubectl 1.32 sends them (protobuf) and lists pods", async () => {
    const ns = await kubectl(["create", "namespace", "canary"]);
    expect(ns.stdout.trim(), ns.stderr).toBe("namespace/canary created");
    const cm = await kubectl(["create", "configmap", "greeting", "-n", "canary", "--from-literal=target=Knative"]);
    expect(cm.stdout.trim(), cm.stderr).toBe("configmap/greeting created");
    const got = await kubectl(["get", "configmap", "greeting", "-n", "canary", "-o", "jsonpath={.data.target}"]);
    expect(got.stdout).toBe("Knative");
    const pods = await kubectl(["get", "pods", "-l", "serving.knative.dev/service=helloworld-go", "-o", "name"]);
    expect(pods.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(1);
  });

  it("reads queue-proxy statistics through the pod proxy", async () => {
    const pod = (await kubectl(["get", "pods", "-l", "serving.knative.dev/revision=helloworld-go-00002", "-o", "jsonpath={.items[0].metadata.name}"])).stdout;
    expect(pod).toMatch(/^helloworld-go-00002-deployment-/);
    const raw = await kubectl(["get", "--raw", `/api/v1/namespaces/default/pods/${pod}:9090/proxy/metrics`]);
    expect(raw.code, raw.stderr).toBe(0);
    expect(raw.stdout).toContain(pod); // field 1, pod_name, is plain UTF-8 in the protobuf
  });

  it("deletes a Service and what it owns", async () => {
    const del = await kubectl(["delete", "ksvc", "helloworld-go"]);
    expect(del.stdout.trim()).toBe('service.serving.knative.dev "helloworld-go" deleted');
    const left = await kubectl(["get", "ksvc,cfg,rt,rev", "-o", "name"]);
    expect(left.stdout.trim()).toBe("");
    const notFound = await kubectl(["get", "ksvc", "helloworld-go"]);
    expect(notFound.stderr.trim()).toBe('Error from server (NotFound): services.serving.knative.dev "helloworld-go" not found');
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toSummary } from "./cluster-ref";
import { listClusters } from "./cluster-registry";
import { EMBEDDED_KUBECONFIG_ENV, discoverClusters, inClusterAvailable, slugify } from "./cluster-sources";

const TOKEN = "s3cr3t-token-value";

function kubeconfig(contexts: Array<{ name: string; server: string; namespace?: string }>): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    ...contexts.flatMap((c) => [`- name: ${c.name}-cluster`, "  cluster:", `    server: ${c.server}`, "    insecure-skip-tls-verify: true"]),
    "users:",
    "- name: admin",
    "  user:",
    `    token: ${TOKEN}`,
    "contexts:",
    ...contexts.flatMap((c) => [
      `- name: "${c.name}"`,
      "  context:",
      `    cluster: ${c.name}-cluster`,
      "    user: admin",
      ...(c.namespace ? [`    namespace: ${c.namespace}`] : []),
    ]),
    `current-context: "${contexts[0]?.name}"`,
    "",
  ].join("\n");
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusters-test-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("discoverClusters", () => {
  it("lists every context of every KUBECONFIG file, the first definition of a name winning", () => {
    const a = write("a", kubeconfig([{ name: "prod", server: "https://prod.example:6443", namespace: "shop" }, { name: "staging", server: "https://stg.example" }]));
    const b = write("b", kubeconfig([{ name: "prod", server: "https://other.example" }, { name: "arn:aws:eks:eu-west-1:1:cluster/dev", server: "https://dev.example" }]));
    const clusters = discoverClusters({ KUBECONFIG: `${a}${path.delimiter}${b}` });
    expect(clusters.map(toSummary)).toEqual([
      { id: "prod", name: "prod", source: "kubeconfig", server: "https://prod.example:6443", namespace: "shop" },
      { id: "staging", name: "staging", source: "kubeconfig", server: "https://stg.example" },
      { id: "arn-aws-eks-eu-west-1-1-cluster-dev", name: "arn:aws:eks:eu-west-1:1:cluster/dev", source: "kubeconfig", server: "https://dev.example" },
    ]);
    // Each cluster's KubeConfig is pinned to its own context.
    expect(clusters[1]?.kubeConfig?.getCurrentCluster()?.server).toBe("https://stg.example");
  });

  it("puts the embedded cluster first and keeps ids unique", () => {
    const user = write("user", kubeconfig([{ name: "embedded", server: "https://x.example" }]));
    const embedded = write("embedded", kubeconfig([{ name: "knative-local", server: "http://127.0.0.1:7080" }]));
    const clusters = discoverClusters({ KUBECONFIG: user, [EMBEDDED_KUBECONFIG_ENV]: embedded });
    expect(clusters.map((c) => [c.id, c.source])).toEqual([
      ["embedded", "embedded"],
      ["embedded-2", "kubeconfig"],
    ]);
    expect(clusters[0]?.server).toBe("http://127.0.0.1:7080");
  });

  it("lists the embedded cluster as unavailable until its kubeconfig exists", () => {
    const [embedded] = discoverClusters({ KUBECONFIG: path.join(dir, "none"), [EMBEDDED_KUBECONFIG_ENV]: path.join(dir, "missing") });
    expect(embedded).toMatchObject({ id: "embedded", kubeConfig: null, unavailableReason: "the embedded cluster has not started yet" });
  });

  it("lists a kubeconfig that is not YAML as one unavailable entry, saying where, not what the lines say", () => {
    const bad = write("bad", `apiVersion: v1\nusers:\n- name: u\n  user:\n    token: ${TOKEN}\n   oops: indent\n`);
    const clusters = discoverClusters({ KUBECONFIG: bad });
    expect(clusters).toEqual([
      { id: "unreadable-kubeconfig", name: "Unreadable kubeconfig", source: "kubeconfig", server: "", kubeConfig: null, unavailableReason: "kubeconfig is not valid YAML at line 6" },
    ]);
    expect(JSON.stringify(clusters)).not.toContain(TOKEN);
  });

  it("says so when a kubeconfig file cannot be read or is empty, without its path", () => {
    const unreadable = path.join(dir, "a-directory");
    fs.mkdirSync(unreadable);
    const empty = write("empty", "");
    const clusters = discoverClusters({ KUBECONFIG: `${unreadable}${path.delimiter}${empty}` });
    expect(clusters.map((c) => [c.id, c.unavailableReason])).toEqual([
      ["unreadable-kubeconfig", "kubeconfig file not readable (is a directory)"],
      ["unreadable-kubeconfig-2", "kubeconfig is empty or not a mapping"],
    ]);
  });

  it("makes a context unusable, with why, when its token file cannot be read or its user or cluster is missing", () => {
    const missingToken = path.join(dir, "secret-token-file");
    const file = write(
      "c",
      [
        "apiVersion: v1",
        "clusters: [{name: c, cluster: {server: 'https://c.example'}}]",
        `users: [{name: tf, user: {token-file: ${missingToken}}}]`,
        "contexts:",
        "- {name: with-token-file, context: {cluster: c, user: tf}}",
        "- {name: no-such-user, context: {cluster: c, user: ghost}}",
        "- {name: no-such-cluster, context: {cluster: gone, user: tf}}",
        "",
      ].join("\n"),
    );
    const clusters = discoverClusters({ KUBECONFIG: file });
    expect(clusters.map((c) => [c.id, c.kubeConfig, c.unavailableReason])).toEqual([
      ["with-token-file", null, "token file not readable (not found)"],
      ["no-such-user", null, 'user "ghost" was not found for context "no-such-user"'],
      ["no-such-cluster", null, "token file not readable (not found)"],
    ]);
    expect(JSON.stringify(clusters.map((c) => c.unavailableReason))).not.toContain(dir);
  });

  it("says why the embedded cluster's kubeconfig cannot be read, without its content", () => {
    const embedded = write("embedded", `clusters: [{name: x, cluster: {server: "https://${TOKEN}"`);
    const [cluster] = discoverClusters({ KUBECONFIG: path.join(dir, "none"), [EMBEDDED_KUBECONFIG_ENV]: embedded });
    expect(cluster).toMatchObject({ id: "embedded", kubeConfig: null, unavailableReason: "kubeconfig is not valid YAML at line 2" });
  });

  it("never puts a credential into a summary", () => {
    const file = write("c", kubeconfig([{ name: "prod", server: "https://u:pw@prod.example" }]));
    const json = JSON.stringify(discoverClusters({ KUBECONFIG: file }).map(toSummary));
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain("pw@");
  });
});

describe("inClusterAvailable", () => {
  it("needs the service host and port and a mounted service-account token", () => {
    const token = write("token", "t");
    const env = { KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443" };
    expect(inClusterAvailable(env, token)).toBe(true);
    expect(inClusterAvailable(env, path.join(dir, "no-token"))).toBe(false);
    expect(inClusterAvailable({ KUBERNETES_SERVICE_HOST: "10.96.0.1" }, token)).toBe(false);
  });
});

describe("slugify", () => {
  it("makes URL-safe ids", () => {
    expect(slugify("Kind-Local_1")).toBe("kind-local-1");
    expect(slugify("???")).toBe("cluster");
  });
});

describe("listClusters", () => {
  it("re-reads when a kubeconfig file changes (the embedded cluster rewrites it on restart)", () => {
    const file = write("embedded", kubeconfig([{ name: "knative-local", server: "http://127.0.0.1:7080" }]));
    const env = { KUBECONFIG: path.join(dir, "none"), [EMBEDDED_KUBECONFIG_ENV]: file };
    const first = listClusters(env);
    expect(listClusters(env)).toBe(first);
    fs.writeFileSync(file, kubeconfig([{ name: "knative-local", server: "http://127.0.0.1:17080" }]));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(listClusters(env)[0]?.server).toBe("http://127.0.0.1:17080");
  });
});

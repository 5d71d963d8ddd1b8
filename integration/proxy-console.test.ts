// The console behind an authenticating proxy (--auth proxy), as deploy/ runs it, against the
// embedded cluster: the standalone build with its bundled HTTP front, in-cluster configuration
// (the console's service account, bound to deploy/proxy-impersonation-clusterrole.yaml only),
// and this test standing where oauth2-proxy would, on loopback, sending X-Forwarded-User and
// X-Forwarded-Groups. Nothing about Kubernetes is mocked: the cluster decides every answer.
//
//   - the seeded viewer reads, and splitting traffic is refused in kube-apiserver's words naming
//     that user; the seeded developer splits traffic in `default`;
//   - groups reach the cluster as groups: a user bound through a group only reads through it;
//   - a trusted request without a user is refused; a console whose trusted list leaves out
//     loopback refuses the same requests whatever user they claim;
//   - without deploy/'s impersonation role the cluster refuses the console's service account.

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { ApiEndpoint } from "@/emulator/testing/api-endpoint";
import { type ClusterProcess, startClusterProcess } from "@/emulator/testing/cluster-process";
import { scratchDir } from "@/emulator/testing/temp-dir";
import { until } from "@/emulator/testing/until";
import { adminCall, create, mountServiceAccount, tokenFor } from "./support/cluster-admin";
import { ConsoleUser } from "./support/console-client";
import { type RunningConsole, buildStandalone, startStandaloneConsole } from "./support/standalone-console";

const PORT = 3420;
const UNTRUSTING_PORT = 3421;
const ROOT = path.resolve(import.meta.dirname, "..");
const IMPERSONATION_ROLE_FILE = path.join(ROOT, "deploy/proxy-impersonation-clusterrole.yaml");
const SERVICE = "helloworld-go";
const SVC_API = `/api/clusters/in-cluster/namespaces/default/services/${SERVICE}`;
const CONSOLE_SA = "system:serviceaccount:knative-console:knative-console";
// A group of the identity provider's, bound to `view` here and nowhere else.
const READERS_GROUP = "oidc:knative-readers";

interface KnService {
  metadata: { resourceVersion: string };
  spec: { traffic: Array<{ revisionName?: string; latestRevision?: boolean; percent?: number }> };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

let cluster: ClusterProcess;
let admin: ApiEndpoint;
let console_: RunningConsole;
let untrusting: RunningConsole;

/** What the proxy would send for `user` in `groups`. */
const as = (user: string, groups: string[] = []): Record<string, string> => ({ "X-Forwarded-User": user, ...(groups.length ? { "X-Forwarded-Groups": groups.join(",") } : {}) });

beforeAll(async () => {
  buildStandalone();
  cluster = await startClusterProcess(scratchDir("proxy-console-"));
  admin = { apiUrl: cluster.apiUrl, token: cluster.token, caCert: cluster.caCert };

  await create(admin, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "knative-console" } });
  await create(admin, "/api/v1/namespaces/knative-console/serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "knative-console" } });
  for (const doc of parseAllDocuments(fs.readFileSync(IMPERSONATION_ROLE_FILE, "utf8"))) {
    const object = doc.toJS() as { kind: string };
    await create(admin, `/apis/rbac.authorization.k8s.io/v1/${object.kind === "ClusterRole" ? "clusterroles" : "clusterrolebindings"}`, object);
  }
  await create(admin, "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: "knative-readers" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: READERS_GROUP }],
  });
  const mountRoot = scratchDir("proxy-console-mount-");
  mountServiceAccount(mountRoot, await tokenFor(admin, "knative-console", "knative-console"), "knative-console", cluster.caCert);

  const api = new URL(cluster.apiUrl);
  const env = { KUBERNETES_SERVICE_HOST: api.hostname, KUBERNETES_SERVICE_PORT: api.port, KNATIVE_CONSOLE_IN_CLUSTER_ROOT: mountRoot };
  console_ = await startStandaloneConsole(PORT, ["--auth", "proxy"], { ...env, KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "127.0.0.1, ::1", KNATIVE_CONSOLE_PROXY_SIGN_OUT_URL: "/oauth2/sign_out" });
  // The proxy runs elsewhere: this test's loopback requests are not from it.
  untrusting = await startStandaloneConsole(UNTRUSTING_PORT, ["--auth", "proxy"], { ...env, KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES: "10.244.0.0/16" });
}, 600_000);

afterAll(async () => {
  await untrusting?.stop();
  await console_?.stop();
  await cluster?.stop();
});

describe("starting", () => {
  it("says what it trusts, and is ready with the impersonation role alone", async () => {
    expect(console_.output()).toContain("auth proxy: each request acts as the user its authenticating proxy names");
    expect(console_.output()).toContain("trusting x-forwarded-user and x-forwarded-groups only from 127.0.0.1, ::1");
    const ready = await fetch(`${console_.url}/api/readyz`);
    expect(await ready.text()).toMatch(/^ok: cluster In-cluster answers/);
  });

  it("refuses to start without trusted addresses, naming the setting", async () => {
    await expect(startStandaloneConsole(3422, ["--auth", "proxy"], {})).rejects.toThrow(/--auth proxy needs KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES/);
  });
});

describe("as the proxied user", () => {
  const proxy = () => new ConsoleUser(console_.url);

  it("lets the viewer read, and refuses a traffic split with kube-apiserver's 403 naming the viewer", async () => {
    const svc = await until(
      "the Service Ready",
      async () => {
        const res = await proxy().call<KnService>("GET", SVC_API, undefined, as("knative-viewer"));
        return res.status === 200 && res.body.status?.conditions?.find((c) => c.type === "Ready")?.status === "True" ? res : undefined;
      },
      30_000,
    );
    const list = await proxy().call<unknown[] | { items: unknown[] }>("GET", "/api/clusters/in-cluster/services?namespace=default", undefined, as("knative-viewer"));
    expect(list.status).toBe(200);
    const write = await proxy().call("PUT", `${SVC_API}/traffic`, { resourceVersion: svc.body.metadata.resourceVersion, spec: { traffic: [{ latestRevision: true, percent: 100 }] } }, as("knative-viewer"));
    expect(write.status).toBe(403);
    expect((write.body as { message: string }).message).toMatch(
      /^services\.serving\.knative\.dev "helloworld-go" is forbidden: User "knative-viewer" cannot (update|patch) resource "services" in API group "serving\.knative\.dev" in the namespace "default"$/,
    );
  });

  it("lets the developer split traffic in default", async () => {
    const developer = as("knative-developer");
    const svc = await proxy().call<KnService>("GET", SVC_API, undefined, developer);
    expect(svc.status).toBe(200);
    const write = await proxy().call("PUT", `${SVC_API}/traffic`, { resourceVersion: svc.body.metadata.resourceVersion, spec: { traffic: [{ latestRevision: true, percent: 100 }] } }, developer);
    expect(write.status, write.text).toBe(200);
    const namespaces = await proxy().call("GET", "/api/clusters/in-cluster/namespaces", undefined, developer);
    expect(namespaces.status).toBe(403);
    expect((namespaces.body as { message: string }).message).toBe('namespaces is forbidden: User "knative-developer" cannot list resource "namespaces" in API group "" at the cluster scope');
  });

  it("sends each group as a group: a user bound through one reads, and without it does not", async () => {
    const member = await proxy().call("GET", SVC_API, undefined, as("carol@example.com", ["oidc:other-team", READERS_GROUP]));
    expect(member.status, member.text).toBe(200);
    const outsider = await proxy().call("GET", SVC_API, undefined, as("carol@example.com", ["oidc:other-team"]));
    expect(outsider.status).toBe(403);
    expect((outsider.body as { message: string }).message).toContain('User "carol@example.com" cannot get resource "services"');
  });

  it("shows who the console acts as, with the proxy's sign-out, and no sign-in page", async () => {
    const session = await proxy().call<{ user: { username: string; groups: string[] }; signOutUrl: string }>("GET", "/api/session", undefined, as("carol@example.com", [READERS_GROUP]));
    expect(session.body).toEqual({ user: { username: "carol@example.com", groups: [READERS_GROUP] }, via: "proxy", signOutUrl: "/oauth2/sign_out" });
    const page = await proxy().call("GET", "/clusters/in-cluster/knative", undefined, as("knative-viewer"));
    expect(page.status).toBe(200);
    expect(page.text).toContain('aria-label="Signed in as knative-viewer"');
    expect(page.text).toContain('href="/oauth2/sign_out"');
    const signIn = await proxy().call("GET", "/sign-in", undefined, as("knative-viewer"));
    expect([303, 307]).toContain(signIn.status);
    expect(signIn.headers.get("location")).toBe("/");
  });

  it("keeps the cross-site write protection", async () => {
    const res = await fetch(`${console_.url}${SVC_API}/traffic`, {
      method: "PUT",
      headers: { ...as("knative-developer"), "Content-Type": "application/json", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: JSON.stringify({ resourceVersion: "1", spec: { traffic: [{ latestRevision: true, percent: 100 }] } }),
    });
    expect(res.status).toBe(403);
  });
});

describe("refusing", () => {
  it("refuses the proxy's request without a user with a 401 naming the header", async () => {
    const api = await new ConsoleUser(console_.url).call("GET", "/api/clusters");
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ kind: "Status", code: 401, message: expect.stringContaining("x-forwarded-user") });
    const page = await new ConsoleUser(console_.url).call("GET", "/clusters");
    expect(page.status).toBe(401);
  });

  it("refuses requests from an address the trusted list leaves out, ignoring the user they claim", async () => {
    const claimant = new ConsoleUser(untrusting.url);
    const api = await claimant.call("GET", "/api/clusters", undefined, as("knative-developer"));
    expect(api.status).toBe(403);
    expect(api.body).toMatchObject({ kind: "Status", code: 403, reason: "Forbidden" });
    expect((api.body as { message: string }).message).toContain("KNATIVE_CONSOLE_PROXY_TRUSTED_ADDRESSES");
    const write = await claimant.call("PUT", `${SVC_API}/traffic`, { resourceVersion: "1", spec: { traffic: [{ latestRevision: true, percent: 100 }] } }, as("knative-developer"));
    expect(write.status).toBe(403);
    const page = await claimant.call("GET", "/clusters/in-cluster/knative", undefined, as("knative-developer"));
    expect(page.status).toBe(403);
    expect(page.text).not.toContain("knative-developer");
    expect((await fetch(`${untrusting.url}/api/healthz`)).status).toBe(200);
  });

  it("is refused by the cluster when the console's service account may not impersonate", async () => {
    const removed = await adminCall(admin, "DELETE", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/knative-console-impersonator");
    expect(removed.status).toBe(200);
    const res = await until(
      "the impersonation refused",
      async () => {
        const r = await new ConsoleUser(console_.url).call("GET", SVC_API, undefined, as("knative-viewer"));
        return r.status === 403 ? r : undefined;
      },
      10_000,
    );
    expect((res.body as { message: string }).message).toBe(`users "knative-viewer" is forbidden: User "${CONSOLE_SA}" cannot impersonate resource "users" in API group "" at the cluster scope`);
  });
});

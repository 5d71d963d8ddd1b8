// The console as deploy/ runs it, against the embedded cluster: the standalone build with its
// bundled HTTP front (deploy/Dockerfile's command), in-cluster configuration (the service
// account's token, CA and namespace where client-node's loadFromCluster reads them, under a
// scratch root), --auth token, and the RBAC objects deploy/ ships.
//
//   - sign-in: the seeded developer and viewer tokens, who they are, what the cluster lets each
//     do and the cluster's own 403 for what it does not, sign-out, a bad token refused in the
//     cluster's words, the rate limit;
//   - the canary walk-through (a new revision, 50/50, 100 %) as a user bound to the users'
//     example ClusterRole (deploy/user-clusterrole.yaml) only: the role is enough;
//   - each rule of that role removed in turn, and the feature it exists for failing: the role is
//     no more than needed;
//   - the console's own service account has no RBAC rule (deploy/serviceaccount.yaml) and is
//     still ready;
//   - the image's constraints: the console these tests talk to runs as the image's user (65532)
//     on a copy of the output that user cannot write, .next/cache linked into /tmp, as
//     deploy/Dockerfile and the Deployment's readOnlyRootFilesystem have it.
//
// `npm run test:image` runs this file against the image itself: every console here is then a
// container of it, started as the Deployment starts its pods (support/console-container.ts).

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ApiEndpoint } from "@/emulator/testing/api-endpoint";
import { type ClusterProcess, startClusterProcess } from "@/emulator/testing/cluster-process";
import { requestViaGateway } from "@/emulator/testing/gateway-client";
import { scratchDir } from "@/emulator/testing/temp-dir";
import { until } from "@/emulator/testing/until";
import { TRUSTED_PROXIES_ENV } from "@/lib/http/client-address";
import { adminCall, create, mountServiceAccount, tokenFor } from "./support/cluster-admin";
import { ConsoleUser } from "./support/console-client";
import { IMAGE_USER, type RunningConsole, buildStandalone, canRunAsImageUser, readableByImageUser, startStandaloneConsole } from "./support/standalone-console";

const PORT = 3316;
const RATE_LIMITED_PORT = 3317;
const ROOT = path.resolve(import.meta.dirname, "..");
const SERVICE = "helloworld-go";
const SVC_API = `/api/clusters/in-cluster/namespaces/default/services/${SERVICE}`;
const USER_ROLE_FILE = path.join(ROOT, "deploy/user-clusterrole.yaml");
const CANARY_USER = "system:serviceaccount:default:canary-operator";

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
interface KnService {
  metadata: { resourceVersion: string; generation: number };
  spec: { template: { spec: { containers: Array<Record<string, unknown>> } }; traffic: Array<{ revisionName?: string; latestRevision?: boolean; percent?: number }> };
  status?: { observedGeneration?: number; conditions?: Array<{ type: string; status: string }>; latestReadyRevisionName?: string };
}

let cluster: ClusterProcess;
let admin: ApiEndpoint;
let console_: RunningConsole;
let consoleEnv: Record<string, string>;
let userRole: { metadata: { name: string }; rules: Rule[] };
let canaryToken: string;

/** Replaces the users' ClusterRole with `rules`. */
async function setUserRules(rules: Rule[]): Promise<void> {
  const current = await adminCall(admin, "GET", `/apis/rbac.authorization.k8s.io/v1/clusterroles/${userRole.metadata.name}`);
  const { status, body } = await adminCall(admin, "PUT", `/apis/rbac.authorization.k8s.io/v1/clusterroles/${userRole.metadata.name}`, { ...current.body, rules });
  if (status !== 200) throw new Error(`updating the ClusterRole: ${status} ${JSON.stringify(body)}`);
}

const signIn = (user: ConsoleUser, token: string) => user.signIn(token);

beforeAll(async () => {
  buildStandalone();
  cluster = await startClusterProcess(scratchDir("in-cluster-console-"));
  admin = { apiUrl: cluster.apiUrl, token: cluster.token, caCert: cluster.caCert };

  // The console's namespace and service account, as deploy/ makes them; no binding at all.
  await create(admin, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "knative-console" } });
  await create(admin, "/api/v1/namespaces/knative-console/serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "knative-console" } });
  const mountRoot = scratchDir("in-cluster-mount-");
  mountServiceAccount(mountRoot, await tokenFor(admin, "knative-console", "knative-console"), "knative-console", cluster.caCert);
  readableByImageUser(mountRoot);

  // A user bound to the users' example ClusterRole only.
  userRole = parseYaml(fs.readFileSync(USER_ROLE_FILE, "utf8")) as typeof userRole;
  await create(admin, "/apis/rbac.authorization.k8s.io/v1/clusterroles", userRole);
  await create(admin, "/api/v1/namespaces/default/serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "canary-operator" } });
  await create(admin, "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: "canary-operator" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: userRole.metadata.name },
    subjects: [{ kind: "ServiceAccount", name: "canary-operator", namespace: "default" }],
  });
  canaryToken = await tokenFor(admin, "default", "canary-operator");

  const api = new URL(cluster.apiUrl);
  consoleEnv = {
    KUBERNETES_SERVICE_HOST: api.hostname,
    KUBERNETES_SERVICE_PORT: api.port,
    KNATIVE_CONSOLE_IN_CLUSTER_ROOT: mountRoot,
    KNATIVE_CONSOLE_SESSION_KEY: randomBytes(32).toString("base64"),
  };
  // This file signs in more than 5 times a minute from one address; the limit has its own console below.
  // The console everything here talks to runs as the image runs it: its user, its read-only files.
  console_ = await startStandaloneConsole(PORT, ["--auth", "token"], { ...consoleEnv, KNATIVE_CONSOLE_SIGN_INS_PER_MINUTE: "1000" }, { asImage: true });
}, 600_000);

afterAll(async () => {
  await console_?.stop();
  await cluster?.stop();
});

describe("the console's own identity", () => {
  it("is ready with a service account that has no Role or ClusterRole, probed by pod IP", async () => {
    const res = await fetch(`${console_.url}/api/readyz`, { headers: { Host: `10.244.0.17:${PORT}` } });
    expect(await res.text()).toMatch(/^ok: cluster In-cluster answers \(Kubernetes v1\./);
    expect(res.status).toBe(200);
    const live = await fetch(`${console_.url}/api/healthz`, { headers: { Host: `10.244.0.17:${PORT}` } });
    expect(live.status).toBe(200);
  });
});

describe("signing in with a token", () => {
  it("sends pages to sign-in and answers the API with 401 without a session", async () => {
    const anonymous = new ConsoleUser(console_.url);
    const page = await anonymous.call("GET", "/clusters/in-cluster/knative");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/sign-in?next=%2Fclusters%2Fin-cluster%2Fknative");
    const api = await anonymous.call("GET", "/api/clusters");
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ kind: "Status", code: 401, reason: "Unauthorized" });
    expect((await anonymous.call("GET", "/sign-in")).status).toBe(200);
  });

  it("refuses a token the cluster does not accept, in the cluster's words, and sets no cookie", async () => {
    const stranger = new ConsoleUser(console_.url);
    const res = await signIn(stranger, "not-a-token-the-cluster-knows");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ kind: "Status", code: 401, reason: "Unauthorized", message: "Unauthorized" });
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("signs the developer in: who they are, what they may do, and the cluster's 403 for what they may not", async () => {
    const developer = new ConsoleUser(console_.url);
    const res = await signIn(developer, cluster.as.developer.token);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe("knative-developer");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^knative-console-session=[A-Za-z0-9_-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    expect(res.text).not.toContain(cluster.as.developer.token);

    expect((await developer.call<{ user: { username: string } }>("GET", "/api/session")).body.user.username).toBe("knative-developer");
    const page = await developer.call("GET", "/clusters/in-cluster/knative");
    expect(page.status).toBe(200);
    expect(page.text).toContain("knative-developer");
    expect(page.text).not.toContain(cluster.as.developer.token);

    const services = await developer.call<unknown[] | { items: unknown[] }>("GET", "/api/clusters/in-cluster/services?namespace=default");
    expect(services.status).toBe(200);
    expect((Array.isArray(services.body) ? services.body : services.body.items).length).toBeGreaterThan(0);
    const namespaces = await developer.call("GET", "/api/clusters/in-cluster/namespaces");
    expect(namespaces.status).toBe(403);
    expect(namespaces.body).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: 'namespaces is forbidden: User "knative-developer" cannot list resource "namespaces" in API group "" at the cluster scope',
    });
  });

  it("lets the viewer read but not split traffic, with the cluster's 403", async () => {
    const viewer = new ConsoleUser(console_.url);
    expect((await signIn(viewer, cluster.as.viewer.token)).body.user.username).toBe("knative-viewer");
    const svc = await viewer.call<KnService>("GET", SVC_API);
    expect(svc.status).toBe(200);
    const write = await viewer.call("PUT", `${SVC_API}/traffic`, { resourceVersion: svc.body.metadata.resourceVersion, spec: { traffic: [{ latestRevision: true, percent: 100 }] } });
    expect(write.status).toBe(403);
    expect((write.body as { message: string }).message).toMatch(/^services\.serving\.knative\.dev "helloworld-go" is forbidden: User "knative-viewer" cannot (update|patch) resource "services" in API group "serving\.knative\.dev" in the namespace "default"$/);
  });

  it("signs out: the cookie is cleared, and replaying the old one after its session ended is refused", async () => {
    const developer = new ConsoleUser(console_.url);
    await signIn(developer, cluster.as.developer.token);
    const out = await developer.call("DELETE", "/api/session");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toBe("knative-console-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    expect((await developer.call("GET", "/api/clusters")).status).toBe(401);
    // A tampered cookie opens nothing either.
    developer.cookieHeader = "knative-console-session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    expect((await developer.call("GET", "/api/clusters")).status).toBe(401);
  });
});

// The users' example ClusterRole, each rule named by the feature it exists for.
const FEATURE_OF_RULE = ["browse", "write services", "delete revisions", "pods", "live traffic", "namespaces", "environment pickers", "components", "gateway address"];

describe("the users' example ClusterRole is enough", () => {
  let user: ConsoleUser;
  beforeAll(async () => {
    user = new ConsoleUser(console_.url);
    expect((await signIn(user, canaryToken)).body.user.username).toBe(CANARY_USER);
  });

  const service = async () => (await user.call<KnService>("GET", SVC_API)).body;
  const readyAt = (generation: number) => async () => {
    const s = await service();
    return s.status?.observedGeneration === generation && s.status?.conditions?.find((c) => c.type === "Ready")?.status === "True" ? s : undefined;
  };

  it("names one feature per rule", () => {
    expect(userRole.rules).toHaveLength(FEATURE_OF_RULE.length);
  });

  it("runs the canary walk-through: a new revision at 0 %, then 50/50, then 100 %", async () => {
    const before = await until("the Service Ready", readyAt(1), 30_000);
    const first = before.status!.latestReadyRevisionName!;
    const template = before.spec.template;
    const container = { ...template.spec.containers[0], env: [{ name: "TARGET", value: "Knative on ASM" }] };
    const second = `${SERVICE}-00002`;
    const created = await user.call("POST", `${SVC_API}/revisions`, {
      resourceVersion: before.metadata.resourceVersion,
      spec: {
        template: { metadata: { name: second }, spec: { ...template.spec, containers: [container] } },
        traffic: [
          { revisionName: first, percent: 100 },
          { revisionName: second, percent: 0 },
        ],
      },
    });
    expect(created.status, created.text).toBe(200);
    const withRevision = await until("the new revision Ready", readyAt(2), 30_000);

    const half = await user.call("PUT", `${SVC_API}/traffic`, {
      resourceVersion: withRevision.metadata.resourceVersion,
      spec: { traffic: [{ revisionName: first, percent: 50 }, { revisionName: second, percent: 50 }] },
    });
    expect(half.status, half.text).toBe(200);
    const split = await until("50/50", readyAt(3), 30_000);
    expect(split.spec.traffic.map((t) => t.percent)).toEqual([50, 50]);

    const all = await user.call("PUT", `${SVC_API}/traffic`, { resourceVersion: split.metadata.resourceVersion, spec: { traffic: [{ revisionName: second, percent: 100 }] } });
    expect(all.status, all.text).toBe(200);
    const done = await until("100 % on the new revision", readyAt(4), 30_000);
    expect(done.spec.traffic).toMatchObject([{ revisionName: second, percent: 100 }]);
    expect(done.spec.traffic).toHaveLength(1);
  });

  it("shows the live traffic, the pods, the namespaces, the pickers, the components and the gateway", async () => {
    expect((await user.call("GET", `/api/clusters/in-cluster/namespaces/default/revisions/${SERVICE}-00002/pods`)).status).toBe(200);
    expect((await user.call("GET", "/api/clusters/in-cluster/namespaces")).status).toBe(200);
    expect((await user.call("GET", "/api/clusters/in-cluster/namespaces/default/configmaps")).status).toBe(200);
    expect((await user.call("GET", "/api/clusters/in-cluster/namespaces/default/secrets")).status).toBe(200);
    expect((await user.call("GET", "/api/clusters/in-cluster/components")).status).toBe(200);
    expect((await user.call<{ address: string | null }>("GET", "/api/clusters/in-cluster/gateway")).body.address).not.toBeNull();
    expect(await liveTrafficProblem(user)).toBeNull();
  });
});

interface LiveSample {
  revisions: Record<string, { readyPods: number; missingPods: number }>;
  problems: Array<{ kind: string; message: string }>;
}

/**
 * Reads the Service's live-traffic stream until a sample read a ready pod through the pod proxy
 * or reported that it could not: the pod-proxy problem (forbidden, unreachable, error), or null
 * when the statistics came back. (`request-metrics-off` is the embedded cluster's setting, not a
 * permission.)
 */
async function liveTrafficProblem(user: ConsoleUser): Promise<{ kind: string; message: string } | null> {
  await requestViaGateway(cluster.gatewayUrl, `${SERVICE}.default.example.com`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20_000);
  try {
    const res = await fetch(`${console_.url}${SVC_API}/metrics`, { headers: { Cookie: user.cookieHeader }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the live-traffic stream ended before a sample read a pod");
      text += new TextDecoder().decode(value);
      for (const line of text.split("\n")) {
        if (!line.startsWith("data: ")) continue;
        const message = JSON.parse(line.slice(6)) as { type: string; sample?: LiveSample };
        if (message.type !== "sample" || !message.sample) continue;
        const problem = message.sample.problems.find((p) => p.kind !== "request-metrics-off");
        if (problem) return problem;
        if (Object.values(message.sample.revisions).some((r) => r.readyPods > r.missingPods)) return null;
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe("the users' example ClusterRole is no more than needed: without each rule, its feature fails", () => {
  let user: ConsoleUser;
  beforeAll(async () => {
    user = new ConsoleUser(console_.url);
    await signIn(user, canaryToken);
  });

  const forbidden = (verb: string, resource: string, group = "") =>
    new RegExp(`is forbidden: User "${CANARY_USER.replace(/[:.]/g, "\\$&")}" cannot ${verb} resource "${resource.replace("/", "\\/")}" in API group "${group.replace(/\./g, "\\.")}"`);

  const withoutRule = (index: number, check: () => Promise<void>) => async () => {
    await setUserRules(userRole.rules.filter((_, i) => i !== index));
    try {
      await check();
    } finally {
      await setUserRules(userRole.rules);
    }
  };

  const expect403 = async (method: string, target: string, message: RegExp, body?: unknown) => {
    const res = await user.call<{ code: number; message: string }>(method, target, body);
    expect(res.status, res.text).toBe(403);
    expect(res.body.message).toMatch(message);
  };

  it(
    `0 ${FEATURE_OF_RULE[0]}: a Service's page and the Revisions list`,
    withoutRule(0, async () => {
      await expect403("GET", SVC_API, forbidden("get", "services", "serving.knative.dev"));
      await expect403("GET", `/api/clusters/in-cluster/namespaces/default/revisions?service=${SERVICE}`, forbidden("list", "revisions", "serving.knative.dev"));
    }),
  );

  it(
    `1 ${FEATURE_OF_RULE[1]}: splitting traffic`,
    withoutRule(1, async () => {
      const svc = (await user.call<KnService>("GET", SVC_API)).body;
      await expect403("PUT", `${SVC_API}/traffic`, forbidden("(update|patch)", "services", "serving.knative.dev"), { resourceVersion: svc.metadata.resourceVersion, spec: { traffic: [{ revisionName: `${SERVICE}-00002`, percent: 100 }] } });
    }),
  );

  it(`2 ${FEATURE_OF_RULE[2]}: deleting an unused revision`, withoutRule(2, () => expect403("DELETE", `/api/clusters/in-cluster/namespaces/default/revisions/${SERVICE}-00001`, forbidden("delete", "revisions", "serving.knative.dev"))));

  it(`3 ${FEATURE_OF_RULE[3]}: a revision's pods`, withoutRule(3, () => expect403("GET", `/api/clusters/in-cluster/namespaces/default/revisions/${SERVICE}-00002/pods`, forbidden("list", "pods"))));

  it(
    `4 ${FEATURE_OF_RULE[4]}: the queue-proxy statistics through the pod proxy`,
    withoutRule(4, async () => {
      const problem = await liveTrafficProblem(user);
      expect(problem?.kind).toBe("forbidden");
      expect(problem?.message).toMatch(forbidden("get", "pods/proxy"));
    }),
  );

  it(`5 ${FEATURE_OF_RULE[5]}: the namespace picker`, withoutRule(5, () => expect403("GET", "/api/clusters/in-cluster/namespaces", forbidden("list", "namespaces"))));

  it(
    `6 ${FEATURE_OF_RULE[6]}: ConfigMap and Secret keys`,
    withoutRule(6, async () => {
      await expect403("GET", "/api/clusters/in-cluster/namespaces/default/configmaps", forbidden("list", "configmaps"));
      await expect403("GET", "/api/clusters/in-cluster/namespaces/default/secrets", forbidden("list", "secrets"));
    }),
  );

  it(`7 ${FEATURE_OF_RULE[7]}: Knative's components`, withoutRule(7, () => expect403("GET", "/api/clusters/in-cluster/components", forbidden("list", "deployments", "apps"))));

  it(
    `8 ${FEATURE_OF_RULE[8]}: the ingress gateway's address is not found`,
    withoutRule(8, async () => {
      // findGateway reads each networking layer's Service; refused, it says so rather than "none".
      const res = await user.call<{ address: string | null; forbidden?: string[] }>("GET", "/api/clusters/in-cluster/gateway");
      expect(res.status).toBe(200);
      expect(res.body.address).toBeNull();
      expect(res.body.forbidden?.[0]).toMatch(/^services "kourier" is forbidden: User ".+" cannot get resource "services" in API group "" in the namespace "kourier-system"$/);
    }),
  );
});

describe("the container's constraints", () => {
  it.runIf(canRunAsImageUser())("the console runs as the image's user, not root, on files that user cannot write", () => {
    const uids = fs.readFileSync(`/proc/${console_.pid}/status`, "utf8").match(/^Uid:\s+(\d+)/m)?.[1];
    expect(Number(uids)).toBe(IMAGE_USER);
  });

  it("renders its pages there, for a visitor and for a signed-in user", async () => {
    expect((await new ConsoleUser(console_.url).call("GET", "/sign-in")).status).toBe(200);
    const developer = new ConsoleUser(console_.url);
    await signIn(developer, cluster.as.developer.token);
    for (const page of ["/clusters", "/clusters/in-cluster/knative?tab=services&namespace=default"]) {
      const res = await developer.call("GET", page);
      expect(res.status, page).toBe(200);
      expect(res.text, page).toContain("<html");
    }
  });
});

describe("the sign-in rate limit", () => {
  it("refuses the sixth attempt in a minute from one address with 429 and Retry-After, before asking the cluster", async () => {
    const limited = await startStandaloneConsole(RATE_LIMITED_PORT, ["--auth", "token"], consoleEnv);
    try {
      const someone = new ConsoleUser(limited.url);
      for (let i = 0; i < 5; i++) expect((await signIn(someone, "not-a-token-the-cluster-knows")).status).toBe(401);
      const refused = await signIn(someone, cluster.as.developer.token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(refused.body).toMatchObject({ kind: "Status", code: 429, reason: "TooManyRequests" });
      expect(refused.headers.get("set-cookie")).toBeNull();
    } finally {
      await limited.stop();
    }
  });

  it("behind a trusted ingress, counts each client by X-Forwarded-For: one client's failures do not lock out another", async () => {
    const behindIngress = await startStandaloneConsole(RATE_LIMITED_PORT + 2, ["--auth", "token"], { ...consoleEnv, [TRUSTED_PROXIES_ENV]: "127.0.0.1/8, ::1" });
    try {
      const viaIngress = (client: string) => (token: string) =>
        new ConsoleUser(behindIngress.url).call("POST", "/api/session", { token }, { "X-Forwarded-For": `198.51.100.99, ${client}` });
      const attacker = viaIngress("203.0.113.10");
      for (let i = 0; i < 5; i++) expect((await attacker("not-a-token-the-cluster-knows")).status).toBe(401);
      expect((await attacker(cluster.as.developer.token)).status).toBe(429);
      // Another client behind the same ingress signs in; the address the attacker wrote itself (left) counts for nothing.
      expect((await viaIngress("203.0.113.20")(cluster.as.developer.token)).status).toBe(200);
      expect((await new ConsoleUser(behindIngress.url).call("POST", "/api/session", { token: "x" }, { "X-Forwarded-For": "203.0.113.10, 203.0.113.30" })).status).toBe(401);
    } finally {
      await behindIngress.stop();
    }
  });

  it("lets a replica read the other's cookies: two consoles with one session key are one console", async () => {
    const other = await startStandaloneConsole(RATE_LIMITED_PORT + 1, ["--auth", "token"], consoleEnv);
    try {
      const developer = new ConsoleUser(console_.url);
      await signIn(developer, cluster.as.developer.token);
      const elsewhere = new ConsoleUser(other.url);
      elsewhere.cookieHeader = developer.cookieHeader;
      expect((await elsewhere.call<{ user: { username: string } }>("GET", "/api/session")).body.user.username).toBe("knative-developer");
    } finally {
      await other.stop();
    }
  });
});

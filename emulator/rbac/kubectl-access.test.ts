// kubectl, unchanged, against the embedded cluster's access control: `auth can-i` (and --list),
// `auth whoami`, `create token`, `--as`, `get roles`, and a refusal as a user reads it; with the
// kubectl on PATH (1.32, which sends these as protobuf) and the versions beside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess, type ClusterProcess } from "../testing/cluster-process";
import { hasKubectl, kubectlRunner, versionedKubectl } from "../testing/kubectl";

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ksvc-reader
  namespace: default
rules:
- apiGroups: ["serving.knative.dev"]
  resources: ["services"]
  verbs: ["get", "list"]
`;

const rows = (out: string) => out.trim().split("\n").map((l) => l.trim().split(/\s{2,}/));

describe.runIf(hasKubectl())("kubectl and access control", () => {
  let cluster: ClusterProcess;
  let kubectl: ReturnType<typeof kubectlRunner>;
  const as = (context: string) => (args: string[], stdin?: string) => kubectl(["--context", context, ...args], stdin);

  beforeAll(async () => {
    cluster = await startClusterProcess(tempDataDir());
    kubectl = kubectlRunner(cluster.kubeconfig);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("auth can-i answers per identity, and exits 1 for no", async () => {
    const ask = ["auth", "can-i", "patch", "services.serving.knative.dev", "-n", "default"];
    expect(await kubectl(ask)).toMatchObject({ code: 0, stdout: "yes\n" });
    expect(await as("knative-local-developer")(ask)).toMatchObject({ code: 0, stdout: "yes\n" });
    expect(await as("knative-local-viewer")(ask)).toMatchObject({ code: 1, stdout: "no\n" });
    expect(await as("knative-local-developer")(["auth", "can-i", "patch", "ksvc", "-n", "kube-system"])).toMatchObject({ code: 1, stdout: "no\n" });
    expect(await as("knative-local-viewer")(["auth", "can-i", "get", "pods/proxy", "-n", "default"])).toMatchObject({ code: 0, stdout: "yes\n" });
  });

  it("auth can-i --list shows the rules that apply in the namespace", async () => {
    const list = await as("knative-local-developer")(["auth", "can-i", "--list", "-n", "default"]);
    expect(list.code, list.stderr).toBe(0);
    const table = rows(list.stdout);
    expect(table[0]).toEqual(["Resources", "Non-Resource URLs", "Resource Names", "Verbs"]);
    expect(table).toContainEqual(["*.serving.knative.dev", "[]", "[]", "[get list watch create update patch delete]"]);
    expect(table).toContainEqual(["selfsubjectaccessreviews.authorization.k8s.io", "[]", "[]", "[create]"]);
    expect(table).toContainEqual(["[/version]", "[]", "[get]"]);
    const admin = rows((await kubectl(["auth", "can-i", "--list"])).stdout);
    expect(admin).toContainEqual(["*.*", "[]", "[]", "[*]"]);
  });

  it("creates a SelfSubjectAccessReview from a file, as kubectl create -f sends it", async () => {
    const review = `apiVersion: authorization.k8s.io/v1
kind: SelfSubjectAccessReview
spec:
  resourceAttributes: {namespace: default, verb: delete, group: serving.knative.dev, resource: services}
`;
    const viewer = await as("knative-local-viewer")(["create", "-f", "-", "-o", "jsonpath={.status.allowed}"], review);
    expect(viewer, viewer.stderr).toMatchObject({ code: 0, stdout: "false" });
    expect((await kubectl(["create", "-f", "-", "-o", "jsonpath={.status.allowed}"], review)).stdout).toBe("true");
  });

  it("auth whoami names each identity", async () => {
    expect((await kubectl(["auth", "whoami"])).stdout).toBe("ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n");
    expect((await as("knative-local-viewer")(["auth", "whoami"])).stdout).toBe("ATTRIBUTE   VALUE\nUsername    knative-viewer\nGroups      [system:authenticated]\n");
    expect((await kubectl(["auth", "whoami", "--as", "alice", "--as-group", "g"])).stdout).toBe("ATTRIBUTE   VALUE\nUsername    alice\nGroups      [g system:authenticated]\n");
  });

  it("create token gives a token kubectl then signs in with", async () => {
    const created = await kubectl(["create", "serviceaccount", "ci"]);
    expect(created.stdout.trim(), created.stderr).toBe("serviceaccount/ci created");
    const token = await kubectl(["create", "token", "ci", "--duration", "2h"]);
    expect(token.code, token.stderr).toBe(0);
    const me = rows((await kubectl(["--token", token.stdout.trim(), "auth", "whoami"])).stdout);
    expect(me[1]).toEqual(["Username", "system:serviceaccount:default:ci"]);
    expect(me[3]).toEqual(["Groups", "[system:serviceaccounts system:serviceaccounts:default system:authenticated]"]);
    const refused = await kubectl(["--token", token.stdout.trim(), "get", "ksvc"]);
    expect(refused.stderr.trim()).toBe('Error from server (Forbidden): services.serving.knative.dev is forbidden: User "system:serviceaccount:default:ci" cannot list resource "services" in API group "serving.knative.dev" in the namespace "default"');
  });

  it("--as acts as another user, refused to those who may not impersonate", async () => {
    const asAlice = await kubectl(["get", "ksvc", "--as", "alice"]);
    expect(asAlice.stderr.trim()).toBe('Error from server (Forbidden): services.serving.knative.dev is forbidden: User "alice" cannot list resource "services" in API group "serving.knative.dev" in the namespace "default"');
    const viewerAsAlice = await as("knative-local-viewer")(["get", "ksvc", "--as", "alice"]);
    expect(viewerAsAlice.stderr.trim()).toBe('Error from server (Forbidden): users "alice" is forbidden: User "knative-viewer" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it("applies, gets and binds Roles", async () => {
    expect((await kubectl(["apply", "-f", "-"], ROLE)).stdout.trim()).toBe("role.rbac.authorization.k8s.io/ksvc-reader created");
    expect((await kubectl(["apply", "-f", "-"], ROLE)).stdout.trim()).toBe("role.rbac.authorization.k8s.io/ksvc-reader unchanged");
    expect((await kubectl(["apply", "-f", "-"], ROLE.replace('["get", "list"]', '["get", "list", "watch"]'))).stdout.trim()).toBe("role.rbac.authorization.k8s.io/ksvc-reader configured");
    const bound = await kubectl(["create", "rolebinding", "ci-reads", "--role", "ksvc-reader", "--serviceaccount", "default:ci"]);
    expect(bound.stdout.trim(), bound.stderr).toBe("rolebinding.rbac.authorization.k8s.io/ci-reads created");
    const roles = rows((await kubectl(["get", "roles"])).stdout);
    expect(roles[0]).toEqual(["NAME", "CREATED AT"]);
    expect(roles.map((r) => r[0])).toEqual(["NAME", "knative-developer", "ksvc-reader"]);
    expect(roles[2]![1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const wide = rows((await kubectl(["get", "rolebindings", "-o", "wide"])).stdout);
    expect(wide[0]).toEqual(["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"]);
    expect(wide.find((r) => r[0] === "ci-reads")).toEqual(["ci-reads", "Role/ksvc-reader", expect.stringMatching(/^\d+s$/), "default/ci"]);
    const can = await kubectl(["auth", "can-i", "list", "ksvc", "--as", "system:serviceaccount:default:ci"]);
    expect(can.stdout).toBe("yes\n");
  });

  it("prints a refusal as kubectl users read it", async () => {
    const del = await as("knative-local-viewer")(["delete", "ksvc", "helloworld-go"]);
    expect(del.code).toBe(1);
    expect(del.stderr.trim()).toBe('Error from server (Forbidden): services.serving.knative.dev "helloworld-go" is forbidden: User "knative-viewer" cannot delete resource "services" in API group "serving.knative.dev" in the namespace "default"');
    const roles = await as("knative-local-developer")(["get", "clusterroles"]);
    expect(roles.stderr.trim()).toBe('Error from server (Forbidden): clusterroles.rbac.authorization.k8s.io is forbidden: User "knative-developer" cannot list resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope');
  });

  // The dispatcher on PATH runs the 1.32 it carries against a 1.32 server; the other versions
  // are run directly (1.27–1.31 send JSON bodies, 1.33 protobuf).
  it.each([27, 28, 29, 30, 31, 33].filter((m) => versionedKubectl(m)))("kubectl 1.%i: auth can-i and auth whoami", async (minor) => {
    const other = kubectlRunner(cluster.kubeconfig, versionedKubectl(minor));
    expect(await other(["--context", "knative-local-viewer", "auth", "can-i", "list", "ksvc"])).toMatchObject({ code: 0, stdout: "yes\n" });
    expect(await other(["--context", "knative-local-viewer", "auth", "can-i", "delete", "ksvc"])).toMatchObject({ code: 1, stdout: "no\n" });
    const whoami = await other(["--context", "knative-local-developer", "auth", "whoami"]);
    if (minor === 27) {
      // 1.27 asks for SelfSubjectReview as authentication.k8s.io/v1alpha1 or v1beta1 only; the
      // embedded cluster serves the GA v1 alone, so 1.27 says what it says to such a cluster.
      expect(whoami.stderr).toBe("error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API\n");
    } else {
      expect(whoami.stdout).toBe("ATTRIBUTE   VALUE\nUsername    knative-developer\nGroups      [system:authenticated]\n");
    }
  });
});

// A data dir made before the embedded cluster had RBAC: on start it gets the default roles, the
// seeded identities and their grants, and keeps everything it held, its admin token included.
// Later starts reconcile the defaults again, but leave the identities' grants as they were left.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTROLLER } from "../core/registry";
import { CONFIGMAPS, NAMESPACES } from "../core/resources";
import { ObjectRegistry } from "../core/object-registry";
import { loadOrCreateToken, tokenPath } from "../credentials/token";
import { openSqliteStore } from "../store/sqlite-store";
import { tempDataDir } from "../testing/api-only";
import { startClusterProcess } from "../testing/cluster-process";
import { call } from "./testing-http";

/** What an older build left: namespaces, a ConfigMap, the admin token; no RBAC objects, no other tokens. */
function preRbacDataDir(): { dir: string; token: string; configMap: { uid: string; resourceVersion: string } } {
  const dir = tempDataDir();
  const store = openSqliteStore(dir);
  const registry = new ObjectRegistry(store);
  for (const name of ["default", "kube-system", "kube-public", "knative-serving", "kourier-system"]) registry.create(NAMESPACES, { metadata: { name } }, CONTROLLER);
  const cm = registry.create(CONFIGMAPS, { metadata: { name: "kept", namespace: "default" }, data: { a: "b" } }, CONTROLLER);
  store.close();
  return { dir, token: loadOrCreateToken(dir), configMap: { uid: cm.metadata.uid!, resourceVersion: cm.metadata.resourceVersion! } };
}

const WHOAMI = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
const username = async (api: Parameters<typeof call>[0]) => ((await call(api, "POST", WHOAMI, { kind: "SelfSubjectReview", apiVersion: "authentication.k8s.io/v1" })).body.status as { userInfo: { username: string } }).userInfo.username;

describe("a data dir from before RBAC", () => {
  it("gets the defaults and the identities on start, and loses nothing", async () => {
    const old = preRbacDataDir();
    const first = await startClusterProcess(old.dir, ["--no-seed"]);
    try {
      expect(first.token).toBe(old.token);
      expect(await username(first)).toBe("kubernetes-admin");
      expect((await call(first, "GET", "/api/v1/namespaces/default/configmaps/kept")).body.metadata).toMatchObject(old.configMap);
      const clusterRoles = ((await call(first, "GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles")).body.items as Array<{ metadata: { name: string } }>).map((r) => r.metadata.name);
      expect(clusterRoles).toEqual(expect.arrayContaining(["cluster-admin", "admin", "edit", "view", "system:discovery", "system:basic-user", "system:public-info-viewer", "knative-serving-namespaced-view"]));
      expect(await username(first.as.viewer)).toBe("knative-viewer");
      expect(await username(first.as.developer)).toBe("knative-developer");
      expect((await call(first.as.developer, "GET", "/apis/serving.knative.dev/v1/namespaces/default/services")).status).toBe(200);
      expect((await call(first, "GET", "/api/v1/namespaces/default/serviceaccounts/default")).status).toBe(200);
      for (const file of ["token-viewer", "token-developer", "sa.key"]) expect(fs.statSync(`${old.dir}/${file}`).mode & 0o777, file).toBe(0o600);

      // What is deleted now: a grant of an identity, and a default binding.
      expect((await call(first, "DELETE", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/knative-developer")).status).toBe(200);
      expect((await call(first, "DELETE", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/system:basic-user")).status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await startClusterProcess(old.dir, ["--no-seed"]);
    try {
      expect(second.token).toBe(old.token);
      expect(second.as.viewer.token).toBe(first.as.viewer.token);
      // The default binding is back, as kube-apiserver restores its bootstrap policy...
      expect((await call(second, "GET", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/system:basic-user")).status).toBe(200);
      // ...but the identity's grant, seeded once, stays deleted.
      expect((await call(second, "GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/knative-developer")).status).toBe(404);
      expect((await call(second.as.developer, "GET", "/apis/serving.knative.dev/v1/namespaces/default/services")).status).toBe(403);
      expect(fs.readFileSync(tokenPath(old.dir), "utf8").trim()).toBe(old.token);
    } finally {
      await second.stop();
    }
  });
});

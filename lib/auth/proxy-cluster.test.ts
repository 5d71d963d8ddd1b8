import { describe, expect, it } from "vitest";
import { ImpersonatingKubeConfig } from "@/lib/k8s/impersonating-kubeconfig";
import { proxyClusterRef } from "./proxy-cluster";
import type { TokenCluster } from "./token-cluster";

const target: TokenCluster = {
  id: "in-cluster",
  name: "In-cluster",
  source: "in-cluster",
  cluster: { name: "c", server: "https://10.96.0.1:443", caData: "Q0E=", skipTLSVerify: false },
  ownUser: { name: "inClusterUser", token: "console-service-account-token" },
};

describe("proxyClusterRef", () => {
  it("acts with the console's own credentials, impersonating the proxied user", () => {
    const ref = proxyClusterRef(target, { username: "jane", groups: ["dev"] });
    expect(ref).toMatchObject({ id: "in-cluster", name: "In-cluster", source: "in-cluster", server: "https://10.96.0.1" });
    const kc = ref.kubeConfig as ImpersonatingKubeConfig;
    expect(kc).toBeInstanceOf(ImpersonatingKubeConfig);
    expect(kc.impersonation).toEqual({ user: "jane", groups: ["dev"] });
    expect(kc.getCurrentUser()?.token).toBe("console-service-account-token");
    expect(kc.getCurrentCluster()?.server).toBe("https://10.96.0.1:443");
  });

  it("keeps one KubeConfig per identity, and another for other groups or other console credentials", () => {
    const jane = proxyClusterRef(target, { username: "jane", groups: ["dev", "ops"] }).kubeConfig;
    expect(proxyClusterRef(target, { username: "jane", groups: ["ops", "dev"] }).kubeConfig).toBe(jane);
    expect(proxyClusterRef(target, { username: "jane", groups: ["dev"] }).kubeConfig).not.toBe(jane);
    expect(proxyClusterRef({ ...target, ownUser: { name: "inClusterUser", token: "rotated" } }, { username: "jane", groups: ["dev", "ops"] }).kubeConfig).not.toBe(jane);
  });

  it("is unavailable without a proxied user", () => {
    expect(proxyClusterRef(target, null)).toMatchObject({ kubeConfig: null, unavailableReason: "the authenticating proxy named no user" });
  });
});

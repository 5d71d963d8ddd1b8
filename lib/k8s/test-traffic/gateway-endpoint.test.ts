import { describe, expect, it } from "vitest";
import { StatusError } from "@/lib/queries/status";
import type { ClusterRef } from "@/lib/k8s/cluster-ref";
import { configuredGateway, gatewayInfo } from "./gateway-endpoint";

const prod = { id: "prod", source: "kubeconfig" as const };
const embedded = { id: "embedded", source: "embedded" as const };

describe("configuredGateway (KNATIVE_CONSOLE_GATEWAY_URL)", () => {
  it("is nothing when unset or blank", () => {
    expect(configuredGateway(undefined, prod)).toBeUndefined();
    expect(configuredGateway("  ", prod)).toBeUndefined();
  });

  it("applies a bare URL to every cluster but the embedded one, whose gateway is always found", () => {
    expect(configuredGateway("http://192.168.49.2:31080", prod)).toEqual({ url: new URL("http://192.168.49.2:31080"), source: "KNATIVE_CONSOLE_GATEWAY_URL" });
    expect(configuredGateway("http://192.168.49.2:31080", embedded)).toBeUndefined();
  });

  it("applies id=URL entries to that cluster only, before a bare URL", () => {
    const value = "http://10.9.9.9, prod=https://gw.prod.example.com:8443/ignored/path, embedded=http://127.0.0.1:9999";
    expect(configuredGateway(value, prod)?.url.href).toBe("https://gw.prod.example.com:8443/");
    expect(configuredGateway(value, embedded)?.url.href).toBe("http://127.0.0.1:9999/");
    expect(configuredGateway(value, { id: "staging", source: "kubeconfig" })?.url.href).toBe("http://10.9.9.9/");
  });

  it.each([
    ["not a URL", "gateway", /"gateway" \(for every cluster\) is not a URL/],
    ["not http", "prod=ftp://gw", /"ftp:\/\/gw" \(for cluster "prod"\) is not an http or https URL/],
    ["credentials in it", "http://user:secret@gw", /carries credentials/],
    ["two bare URLs", "http://a, http://b", /more than one URL for every cluster/],
  ])("refuses %s with a message naming the variable", (_, value, message) => {
    let error: unknown;
    try {
      configuredGateway(value, prod);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StatusError);
    expect((error as StatusError).message).toMatch(/^KNATIVE_CONSOLE_GATEWAY_URL is not usable: /);
    expect((error as StatusError).message).toMatch(message);
    expect((error as StatusError).message).not.toContain("secret");
  });
});

describe("gatewayInfo", () => {
  it("shows the configured gateway, without asking the cluster", async () => {
    // No kubeconfig: asking the cluster would throw.
    const cluster = { ...prod, name: "prod" } as ClusterRef;
    expect(await gatewayInfo(cluster, { KNATIVE_CONSOLE_GATEWAY_URL: "prod=http://10.0.0.5:31080" })).toEqual({ address: "10.0.0.5:31080", source: "KNATIVE_CONSOLE_GATEWAY_URL" });
    expect(await gatewayInfo(cluster, { KNATIVE_CONSOLE_GATEWAY_URL: "prod=http://gw.example.com" })).toEqual({ address: "gw.example.com", source: "KNATIVE_CONSOLE_GATEWAY_URL" });
  });
});

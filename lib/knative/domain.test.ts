import { describe, expect, it } from "vitest";
import { DomainNameError, hostFromDomainTemplate, hostnameFor, isClusterLocal, routeAddressUrl, routeHost, routeUrl, serviceHostname } from "./domain";

const hello = { name: "hello", namespace: "default" };

describe("route hosts and URLs", () => {
  it("uses {name}.{namespace}.{domain}", () => {
    expect(routeHost(hello, "example.com")).toBe("hello.default.example.com");
    expect(routeUrl(hello, "example.com")).toBe("http://hello.default.example.com");
  });

  it("prefixes the tag: {tag}-{name}", () => {
    expect(hostnameFor("hello", "candidate")).toBe("candidate-hello");
    expect(routeUrl(hello, "example.com", "candidate")).toBe("http://candidate-hello.default.example.com");
  });

  it("uses svc.cluster.local for cluster-local routes", () => {
    const local = { ...hello, labels: { "networking.knative.dev/visibility": "cluster-local" } };
    expect(isClusterLocal(local.labels)).toBe(true);
    expect(routeUrl(local, "example.com")).toBe("http://hello.default.svc.cluster.local");
    expect(routeUrl(local, "example.com", "v1")).toBe("http://v1-hello.default.svc.cluster.local");
  });

  it("gives the cluster-local address", () => {
    expect(routeAddressUrl(hello)).toBe("http://hello.default.svc.cluster.local");
  });

  it("rejects a tag host longer than a DNS label, with the apimachinery message", () => {
    const tag = "t".repeat(60);
    const label = `${tag}-hello`;
    let error: unknown;
    try {
      routeHost(hello, "example.com", tag);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainNameError);
    expect((error as Error).message).toBe(
      `domain name error: invalid domain name "${label}.default.example.com": url: Invalid value: "${label}": must be no more than 63 characters`,
    );
  });

  it("rejects an invalid domain suffix", () => {
    expect(() => routeHost(hello, "Example.com")).toThrow(/a lowercase RFC 1123 subdomain must consist of/);
  });
});

describe("host templates", () => {
  it("fills the default domain template and the Kubernetes Service name without checking them", () => {
    expect(hostFromDomainTemplate("candidate-hello", "default", "example.com")).toBe("candidate-hello.default.example.com");
    expect(serviceHostname("hello", "default")).toBe("hello.default.svc.cluster.local");
  });
});

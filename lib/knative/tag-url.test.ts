import { describe, expect, it } from "vitest";
import { routeDomainOf, tagUrlFor } from "./tag-url";

const hello = { name: "hello", namespace: "default", url: "http://hello.default.example.com" };

describe("tagUrlFor", () => {
  it("builds {tag}-{service}.{namespace}.{domain} from the Service's URL", () => {
    expect(tagUrlFor(hello, "canary")).toBe("http://canary-hello.default.example.com");
  });

  it.each([
    ["a multi-label domain", "http://hello.prod.apps.corp.internal", "prod", "http://v1-hello.prod.apps.corp.internal"],
    ["https (auto-TLS)", "https://hello.default.example.com", "default", "https://v1-hello.default.example.com"],
    ["a cluster-local Service", "http://hello.default.svc.cluster.local", "default", "http://v1-hello.default.svc.cluster.local"],
  ])("follows %s", (_, url, namespace, want) => {
    expect(tagUrlFor({ name: "hello", namespace, url }, "v1")).toBe(want);
  });

  it.each([
    ["no URL yet", undefined],
    ["a URL that is not one", "not a url"],
    ["a custom domain template", "http://hello-default.example.com"],
    ["a host that is only the prefix", "http://hello.default."],
  ])("is unknown for %s", (_, url) => {
    expect(tagUrlFor({ ...hello, url }, "v1")).toBeUndefined();
  });

  it("has no URL without a tag", () => {
    expect(tagUrlFor(hello, undefined)).toBeUndefined();
    expect(tagUrlFor(hello, "")).toBeUndefined();
  });
});

describe("routeDomainOf", () => {
  it("reads the domain suffix, ignoring the case of the host", () => {
    expect(routeDomainOf({ ...hello, url: "http://HELLO.default.Example.com/" })).toBe("example.com");
  });
});

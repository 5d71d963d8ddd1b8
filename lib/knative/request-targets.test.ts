import { describe, expect, it } from "vitest";
import { hostOfUrl, requestTargets } from "./request-targets";

describe("requestTargets", () => {
  it("lists the Service URL, then each tag URL the Route published, with the revision it reaches", () => {
    const targets = requestTargets({
      status: {
        url: "http://hello.default.example.com",
        traffic: [
          { revisionName: "hello-00001", percent: 100, tag: "stable", url: "http://stable-hello.default.example.com" },
          { revisionName: "hello-00002", percent: 0, tag: "canary", url: "http://canary-hello.default.example.com" },
          { revisionName: "hello-00002", latestRevision: true, percent: 0 },
        ],
      },
    });
    expect(targets).toEqual([
      { key: "service", url: "http://hello.default.example.com" },
      { key: "tag:stable", tag: "stable", url: "http://stable-hello.default.example.com", revisionName: "hello-00001" },
      { key: "tag:canary", tag: "canary", url: "http://canary-hello.default.example.com", revisionName: "hello-00002" },
    ]);
  });

  it("has nothing to offer before the Route publishes a URL, and skips a tag without one", () => {
    expect(requestTargets({})).toEqual([]);
    expect(requestTargets({ status: { traffic: [{ revisionName: "a-00001", percent: 100, tag: "new" }] } })).toEqual([]);
  });

  it("skips URLs that are not http(s), and a tag listed twice", () => {
    const targets = requestTargets({
      status: {
        url: "ftp://hello.default.example.com",
        traffic: [
          { revisionName: "a", tag: "x", url: "http://x-hello.default.example.com" },
          { revisionName: "b", tag: "x", url: "http://other.example.com" },
          { revisionName: "c", tag: "y", url: "javascript:alert(1)" },
        ],
      },
    });
    expect(targets.map((t) => t.url)).toEqual(["http://x-hello.default.example.com"]);
  });
});

describe("hostOfUrl", () => {
  it.each([
    ["http://helloworld-go.default.example.com", "helloworld-go.default.example.com"],
    ["https://Hello.Default.Example.com/", "hello.default.example.com"],
    ["http://hello.default.example.com:8080/path", "hello.default.example.com:8080"],
    ["http://hello.default.svc.cluster.local", "hello.default.svc.cluster.local"],
  ])("%s → %s", (url, host) => {
    expect(hostOfUrl(url)).toBe(host);
  });

  it.each(["", "not a url", "mailto:a@b.c", "file:///etc/passwd"])("is undefined for %j", (url) => {
    expect(hostOfUrl(url)).toBeUndefined();
  });
});

// What reaches the wire: a small HTTP server records the header lines of each of client-node's
// three ways of sending (typed client, watch, raw read), as kube-apiserver would read them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VersionApi, Watch } from "@kubernetes/client-node";
import { callOptions } from "./api-clients";
import { ImpersonatingKubeConfig } from "./impersonating-kubeconfig";
import { rawGet } from "./raw-get";

let server: http.Server;
let seen: Array<{ url: string; headers: Record<string, string[] | undefined> }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headersDistinct });
    if (req.url?.includes("watch=true")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(`${JSON.stringify({ type: "ADDED", object: { kind: "Pod", metadata: { name: "p" } } })}\n`);
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ major: "1", minor: "34", gitVersion: "v1.34.0" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function config(groups: string[], userExtra: Record<string, string> = {}, user = "jane@example.com"): ImpersonatingKubeConfig {
  const kc = new ImpersonatingKubeConfig({ user, groups });
  const server_ = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  kc.loadFromOptions({
    clusters: [{ name: "c", server: server_, skipTLSVerify: true }],
    users: [{ name: "console", token: "console-token", ...userExtra }],
    contexts: [{ name: "c", cluster: "c", user: "console" }],
    currentContext: "c",
  });
  return kc;
}

const last = () => seen[seen.length - 1]!.headers;

describe("ImpersonatingKubeConfig", () => {
  it("sends the user and one Impersonate-Group line per group from typed clients, with and without the console's call options", async () => {
    seen = [];
    const kc = config(["team-a", "team b, with comma?"]);
    await kc.makeApiClient(VersionApi).getCode();
    await kc.makeApiClient(VersionApi).getCode(callOptions(2_000));
    expect(seen).toHaveLength(2);
    for (const { headers } of seen) {
      expect(headers["impersonate-user"]).toEqual(["jane@example.com"]);
      expect(headers["impersonate-group"]).toEqual(["team-a", "team b, with comma?"]);
      expect(headers.authorization).toEqual(["Bearer console-token"]);
    }
  });

  it("does the same for watches", async () => {
    seen = [];
    const kc = config(["team-a", "team-b"]);
    await new Promise<void>((resolve, reject) => {
      void new Watch(kc).watch("/api/v1/pods", {}, () => undefined, (err) => (err ? reject(err as Error) : resolve())).catch(reject);
    });
    expect(last()["impersonate-user"]).toEqual(["jane@example.com"]);
    expect(last()["impersonate-group"]).toEqual(["team-a", "team-b"]);
    expect(last().authorization).toEqual(["Bearer console-token"]);
  });

  it("does the same for raw reads", async () => {
    seen = [];
    const res = await rawGet(config(["team-a", "team-b"]), "/version", { timeoutMs: 2_000 });
    expect(res.status).toBe(200);
    expect(last()["impersonate-user"]).toEqual(["jane@example.com"]);
    expect(last()["impersonate-group"]).toEqual(["team-a", "team-b"]);
  });

  it("sends a name beyond ASCII as its UTF-8 bytes, as kube-apiserver reads names", async () => {
    seen = [];
    const kc = config(["équipe", "開発"], {}, "José Müller");
    await kc.makeApiClient(VersionApi).getCode();
    await rawGet(kc, "/version", { timeoutMs: 2_000 });
    await new Promise<void>((resolve, reject) => {
      void new Watch(kc).watch("/api/v1/pods", {}, () => undefined, (err) => (err ? reject(err as Error) : resolve())).catch(reject);
    });
    const asText = (v: string | undefined) => Buffer.from(v ?? "", "latin1").toString("utf8");
    expect(seen).toHaveLength(3);
    for (const { headers } of seen) {
      expect(asText(headers["impersonate-user"]?.[0])).toBe("José Müller");
      expect(headers["impersonate-group"]?.map(asText)).toEqual(["équipe", "開発"]);
    }
  });

  it("sends no group header for a user without groups, and replaces a kubeconfig's own `as`", async () => {
    seen = [];
    const kc = config([], { impersonateUser: "someone-else" } as Record<string, string>);
    await kc.makeApiClient(VersionApi).getCode();
    await rawGet(kc, "/version", { timeoutMs: 2_000 });
    for (const { headers } of seen) {
      expect(headers["impersonate-user"]).toEqual(["jane@example.com"]);
      expect(headers["impersonate-group"]).toBeUndefined();
    }
  });
});

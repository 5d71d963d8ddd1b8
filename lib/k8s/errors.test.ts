import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { AbortError, ApiException, FetchError, KubeConfig, VersionApi } from "@kubernetes/client-node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { callOptions } from "./api-clients";
import { failureReason, toKubeStatus, unreachableReason } from "./errors";
import { StatusError, kubeStatus } from "@/lib/queries/status";
import { withRequestSession } from "@/lib/auth/request-session";
import type { Session } from "@/lib/auth/session-cookie";

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function apiException(code: number, body: unknown) {
  return new ApiException(code, `HTTP-Code: ${code}\nHeaders: {"authorization":"Bearer SECRET"}`, body, {});
}

describe("toKubeStatus", () => {
  it("passes the cluster's own Status through, code, reason, message and causes", () => {
    const status = {
      kind: "Status",
      apiVersion: "v1",
      status: "Failure",
      code: 403,
      reason: "Forbidden",
      message: 'services.serving.knative.dev is forbidden: User "dev" cannot list resource "services"',
      details: { kind: "services", group: "serving.knative.dev" },
    };
    const result = toKubeStatus(apiException(403, JSON.stringify(status)));
    expect(result).toMatchObject({ kind: "Status", code: 403, reason: "Forbidden", message: status.message });
  });

  it("explains a 404 that is not a Status (the resource type is not served)", () => {
    const result = toKubeStatus(apiException(404, "404 page not found"));
    expect(result.code).toBe(404);
    expect(result.message).toMatch(/Is Knative Serving installed/);
  });

  it("says the credentials were rejected on a bare 401", () => {
    expect(toKubeStatus(apiException(401, "")).message).toMatch(/rejected the credentials/);
  });

  it("keeps the status code of a non-Status 5xx body, but not the body, and never echoes the exception's headers", () => {
    const result = toKubeStatus(apiException(502, "<html>upstream at /srv/secret-path failed</html>"));
    expect(result).toMatchObject({ code: 502, message: "The cluster answered with HTTP 502, without a Kubernetes Status." });
    expect(JSON.stringify(result)).not.toMatch(/SECRET|secret-path/);
  });

  it("maps a refused connection to 503 with the address", () => {
    const err = new FetchError("request to http://127.0.0.1:7080/version failed, reason: connect ECONNREFUSED 127.0.0.1:7080", "system", {
      code: "ECONNREFUSED",
    } as NodeJS.ErrnoException);
    const result = toKubeStatus(err);
    expect(result).toMatchObject({ code: 503, reason: "ServiceUnavailable" });
    expect(result.message).toBe("The cluster is not reachable: connection refused (127.0.0.1:7080).");
  });

  it("maps a deadline to 504", () => {
    expect(toKubeStatus(new AbortError("The operation was aborted.")).code).toBe(504);
  });

  it("returns the Status a StatusError carries", () => {
    const status = kubeStatus(400, "bad name");
    expect(toKubeStatus(new StatusError(status))).toBe(status);
  });

  it("never echoes an unexpected error's text, and logs it once", () => {
    const warn = vi.mocked(console.warn);
    const err = new Error("failed GET https://admin:hunter2@k8s.local/api reading /home/me/.kube/key.pem");
    const result = toKubeStatus(err);
    toKubeStatus(err);
    expect(result).toMatchObject({ code: 500, reason: "InternalError" });
    expect(result.message).toBe("The console could not talk to the cluster: an unexpected error (the console's log has the details).");
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("key.pem"))).toHaveLength(1);
    expect(String(warn.mock.calls.find((c) => String(c[0]).includes("key.pem"))?.[0])).not.toContain("hunter2");
  });
});

/** A context with a token and this server, used as the routes use a cluster. */
function versionApi(server: string): VersionApi {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server, skipTLSVerify: false }],
    users: [{ name: "u", token: "t0ken-never-shown" }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
  return kc.makeApiClient(VersionApi);
}

async function failureAgainst(server: string, timeoutMs = 2_000): Promise<unknown> {
  try {
    await versionApi(server).getCode({}, callOptions(timeoutMs));
  } catch (err) {
    return err;
  }
  throw new Error("the request did not fail");
}

async function listening(server: http.Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("transport failures, for real", () => {
  it("a port nobody listens on: 503 with the address", async () => {
    const probe = net.createServer();
    const port = await listening(probe);
    await new Promise((r) => probe.close(r));
    const status = toKubeStatus(await failureAgainst(`https://127.0.0.1:${port}`));
    expect(status).toEqual(kubeStatus(503, `The cluster is not reachable: connection refused (127.0.0.1:${port}).`, "ServiceUnavailable"));
  });

  it("TLS to a port that speaks plain HTTP: says so", async () => {
    const server = http.createServer((_req, res) => res.end("plain"));
    const port = await listening(server);
    try {
      const err = await failureAgainst(`https://127.0.0.1:${port}`);
      expect(failureReason(err)).toMatch(/^TLS: (the server does not speak TLS on this port|protocol error)/);
      expect(toKubeStatus(err).code).toBe(503);
    } finally {
      server.close();
    }
  });

  it("a server that accepts and never answers: 504", async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    const port = await listening(server);
    try {
      const status = toKubeStatus(await failureAgainst(`https://127.0.0.1:${port}`, 300));
      expect(status).toMatchObject({ code: 504, reason: "Timeout", message: "The cluster did not answer in time." });
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });
});

describe("failureReason", () => {
  it("is the few words of a transport failure, or the Status message otherwise", () => {
    const refused = new FetchError("request to https://10.0.0.1/version failed, reason: connect ECONNREFUSED 10.0.0.1:443", "system", { code: "ECONNREFUSED" } as NodeJS.ErrnoException);
    expect(failureReason(refused)).toBe("connection refused (10.0.0.1:443)");
    expect(failureReason(apiException(401, ""))).toBe("The cluster rejected the credentials of this kubeconfig context (401 Unauthorized).");
    expect(failureReason(new Error("/secret/path"))).not.toContain("/secret/path");
  });

  it("speaks of the user's token, not of a kubeconfig context, to a signed-in user", () => {
    const session: Session = { token: "t", user: { username: "jane" }, expiresAt: Date.now() + 60_000 };
    withRequestSession({ session, clientAddress: "127.0.0.1" }, () => {
      expect(failureReason(apiException(401, ""))).toBe("The cluster rejected your sign-in token (401 Unauthorized).");
      expect(failureReason(apiException(403, ""))).toBe("Your account is not allowed to do this (403 Forbidden).");
    });
  });
});

describe("errors made by another bundle's copy of the classes", () => {
  // Next bundles routes and pages apart; a KubeConfig made in one throws that bundle's classes in another.
  class ForeignStatusError extends Error {
    constructor(
      readonly status: ReturnType<typeof kubeStatus>,
      readonly description?: string,
    ) {
      super(status.message);
    }
  }

  it("are recognized by their shape: the Status they carry, and a local failure's few words", () => {
    const local = new ForeignStatusError(kubeStatus(503, "The console cannot use the credentials of this kubeconfig context: token file not readable (not found)."), "token file not readable (not found)");
    expect(toKubeStatus(local)).toBe(local.status);
    expect(failureReason(local)).toBe("token file not readable (not found)");
    const notFound = new ForeignStatusError(kubeStatus(404, 'There is no cluster "x" in this console\'s kubeconfig.', "NotFound"));
    expect(toKubeStatus(notFound)).toBe(notFound.status);
    expect(failureReason(notFound)).toBe(notFound.status.message);
  });
});

describe("unreachableReason", () => {
  it("is undefined for errors that are not transport failures", () => {
    expect(unreachableReason(new Error("boom"))).toBeUndefined();
    expect(unreachableReason(apiException(500, ""))).toBeUndefined();
  });

  it("finds the code on a nested cause", () => {
    expect(unreachableReason({ message: "fetch failed", cause: { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND k8s.example" } })).toBe(
      "host not found",
    );
  });
});

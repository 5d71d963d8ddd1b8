import { AbortError, ApiException, FetchError } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { toKubeStatus, unreachableReason } from "./errors";
import { StatusError, kubeStatus } from "@/lib/queries/status";

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

  it("keeps the status code of a non-Status 5xx body and never echoes the exception's headers", () => {
    const result = toKubeStatus(apiException(502, "<html>bad gateway</html>"));
    expect(result.code).toBe(502);
    expect(JSON.stringify(result)).not.toContain("SECRET");
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

  it("redacts credentials from unexpected errors", () => {
    const result = toKubeStatus(new Error("failed GET https://admin:hunter2@k8s.local/api with Bearer abc.def"));
    expect(result.code).toBe(500);
    expect(result.message).not.toMatch(/hunter2|abc\.def/);
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

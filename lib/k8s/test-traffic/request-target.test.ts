import { describe, expect, it } from "vitest";
import type { Service } from "@/lib/knative/types";
import { StatusError } from "@/lib/queries/status";
import { targetUrl } from "./request-target";

function service(status: Service["status"], traffic: Service["spec"]["traffic"] = []): Service {
  return { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name: "hello", namespace: "default" }, spec: { template: { spec: { containers: [] } }, traffic }, status };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return { code: err.code, causes: err.causes, message: err.message };
    throw err;
  }
  throw new Error("not refused");
};

const published = service({
  url: "http://hello.default.example.com",
  traffic: [
    { revisionName: "hello-00001", percent: 100 },
    { revisionName: "hello-00002", percent: 0, tag: "canary", url: "http://canary-hello.default.example.com" },
  ],
});

describe("targetUrl", () => {
  it("is the Service's status.url, or the URL the Route published for the tag", () => {
    expect(targetUrl(published, "service")).toBe("http://hello.default.example.com");
    expect(targetUrl(published, { tag: "canary" })).toBe("http://canary-hello.default.example.com");
  });

  it("refuses a tag the Service does not have with 422 at target.tag, listing its tags", () => {
    expect(refusal(() => targetUrl(published, { tag: "nope" }))).toEqual({
      code: 422,
      causes: [{ field: "target.tag", message: 'Service "hello" has no tag "nope" (its tags: canary)', reason: "FieldValueNotFound" }],
      message: 'Requests to Service "hello" is invalid: target.tag: Service "hello" has no tag "nope" (its tags: canary)',
    });
    expect(refusal(() => targetUrl(service({ url: "http://hello.default.example.com" }), { tag: "x" })).causes[0]?.message).toBe('Service "hello" has no tag "x" (it has no tags)');
  });

  it("says so when the tag is in the spec but the Route has not published its URL yet", () => {
    const pending = service({ url: "http://hello.default.example.com" }, [{ revisionName: "hello-00001", percent: 100, tag: "fresh" }]);
    expect(refusal(() => targetUrl(pending, { tag: "fresh" })).causes[0]?.message).toBe('the Route of Service "hello" has not published a URL for tag "fresh" yet');
  });

  it("refuses a Service without a URL yet with 422 at target", () => {
    const r = refusal(() => targetUrl(service(undefined), "service"));
    expect(r.code).toBe(422);
    expect(r.causes).toEqual([{ field: "target", message: 'Service "hello" has no URL yet: its Route has not published status.url (is the Service Ready?)', reason: "FieldValueInvalid" }]);
  });
});

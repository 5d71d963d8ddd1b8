// RequestInfo as kube-apiserver resolves it (requestinfo.go), case by case: the verb, the
// resource and subresource, the name and the namespace of each kind of request.
import { describe, expect, it } from "vitest";
import { pathSegments } from "../api/paths";
import { requestAttributes } from "./request-info";

function info(method: string, target: string) {
  const url = new URL(target, "https://cluster");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  return requestAttributes(method, path, pathSegments(path), url.searchParams);
}

const resource = (verb: string, apiGroup: string, resource: string, more: { namespace?: string; name?: string; subresource?: string } = {}) => ({
  verb,
  resourceRequest: true,
  apiGroup,
  apiVersion: "v1",
  resource,
  namespace: more.namespace ?? "",
  name: more.name ?? "",
  subresource: more.subresource ?? "",
});

const KSVC = "/apis/serving.knative.dev/v1/namespaces/default/services";

describe("requestAttributes", () => {
  it.each([
    ["GET", `${KSVC}/hello`, resource("get", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["HEAD", `${KSVC}/hello`, resource("get", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["GET", KSVC, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?watch=true`, resource("watch", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?watch=1&resourceVersion=5`, resource("watch", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?watch=false`, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?watch=0`, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?watch=F`, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    // kubectl's single-object watch pins the name with a field selector, and so names the object.
    ["GET", `${KSVC}?fieldSelector=metadata.name%3Dhello&watch=true`, resource("watch", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["GET", `${KSVC}?fieldSelector=metadata.name%3D%3Dhello`, resource("list", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["GET", `${KSVC}?fieldSelector=metadata.name!%3Dhello`, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", `${KSVC}?fieldSelector=metadata.name%3Da%2Fb`, resource("list", "serving.knative.dev", "services", { namespace: "default" })],
    ["GET", "/apis/serving.knative.dev/v1/services", resource("list", "serving.knative.dev", "services")],
    ["POST", KSVC, resource("create", "serving.knative.dev", "services", { namespace: "default" })],
    ["PUT", `${KSVC}/hello`, resource("update", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["PATCH", `${KSVC}/hello`, resource("patch", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["DELETE", `${KSVC}/hello`, resource("delete", "serving.knative.dev", "services", { namespace: "default", name: "hello" })],
    ["DELETE", KSVC, resource("deletecollection", "serving.knative.dev", "services", { namespace: "default" })],
    ["PUT", `${KSVC}/hello/status`, resource("update", "serving.knative.dev", "services", { namespace: "default", name: "hello", subresource: "status" })],
    ["GET", "/api/v1/namespaces/default/pods/p-1:9090/proxy/metrics", resource("get", "", "pods", { namespace: "default", name: "p-1:9090", subresource: "proxy" })],
    ["POST", "/api/v1/namespaces/default/serviceaccounts/default/token", resource("create", "", "serviceaccounts", { namespace: "default", name: "default", subresource: "token" })],
    // A namespace is a resource of its own, and in its own namespace.
    ["GET", "/api/v1/namespaces", resource("list", "", "namespaces")],
    ["GET", "/api/v1/namespaces/default", resource("get", "", "namespaces", { namespace: "default", name: "default" })],
    ["PUT", "/api/v1/namespaces/default/status", resource("update", "", "namespaces", { namespace: "default", name: "default", subresource: "status" })],
    ["POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", resource("create", "authorization.k8s.io", "selfsubjectaccessreviews")],
    // The deprecated verb prefixes.
    ["GET", "/api/v1/watch/namespaces/default/pods", resource("watch", "", "pods", { namespace: "default" })],
    ["GET", "/api/v1/proxy/namespaces/default/pods/p/x", resource("proxy", "", "pods", { namespace: "default", name: "p" })],
  ])("%s %s", (method, target, expected) => {
    expect(info(method, target)).toMatchObject(expected);
  });

  it.each([
    ["GET", "/version", "get"],
    ["HEAD", "/healthz", "head"],
    ["GET", "/api", "get"],
    ["GET", "/api/v1", "get"],
    ["GET", "/apis", "get"],
    ["GET", "/apis/serving.knative.dev", "get"],
    ["GET", "/apis/serving.knative.dev/v1", "get"],
    ["GET", "/openapi/v3/apis/serving.knative.dev/v1", "get"],
    ["POST", "/version", "post"],
  ])("%s %s is a non-resource request, verb %s", (method, target, verb) => {
    const got = info(method, target);
    expect(got).toMatchObject({ resourceRequest: false, verb, path: target, resource: "", namespace: "" });
  });

  it("authorizes the path as it is served, without the trailing slash", () => {
    expect(info("GET", "/healthz/").path).toBe("/healthz");
  });
});

// A refusal as kube-apiserver words it (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/
// responsewriters/errors.go Forbidden and forbiddenMessage, wrapped by apierrors.NewForbidden):
//   services.serving.knative.dev "x" is forbidden: User "dev" cannot patch resource "services" in API group "serving.knative.dev" in the namespace "default"
//   forbidden: User "system:anonymous" cannot get path "/apis"
// with the authorizer's reason after a colon when it gave one, and details {name, group, kind}
// (the resource, as NewForbidden puts it; empty ones left out, as Go's omitempty does).

import { ApiError, type StatusDetails } from "../core/errors";
import type { Attributes } from "./attributes";
import { goQuote } from "./go-format";

// kube-apiserver keeps a message from looking like HTML; quotes stay.
const sanitize = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function forbiddenMessage(attrs: Attributes): string {
  const user = goQuote(attrs.user.name);
  if (!attrs.resourceRequest) return `User ${user} cannot ${attrs.verb} path ${goQuote(attrs.path)}`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace ${goQuote(attrs.namespace)}` : "at the cluster scope";
  return `User ${user} cannot ${attrs.verb} resource ${goQuote(resource)} in API group ${goQuote(attrs.apiGroup)} ${scope}`;
}

export function forbidden(attrs: Attributes, reason: string): ApiError {
  const msg = sanitize(forbiddenMessage(attrs));
  return forbiddenError({ group: attrs.apiGroup, resource: attrs.resource }, attrs.name, reason ? `${msg}: ${reason}` : msg);
}

/** apierrors.NewForbidden(qualifiedResource, name, err). */
export function forbiddenError(gr: { group: string; resource: string }, name: string, err: string): ApiError {
  const qualified = gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
  let message: string;
  if (!qualified) message = `forbidden: ${err}`;
  else if (!name) message = `${qualified} is forbidden: ${err}`;
  else message = `${qualified} ${goQuote(name)} is forbidden: ${err}`;
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (gr.group) details.group = gr.group;
  if (gr.resource) details.kind = gr.resource;
  return new ApiError(403, "Forbidden", message, details);
}

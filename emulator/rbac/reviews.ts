// The review APIs, answered as kube-apiserver answers them (kubernetes pkg/registry/authorization/
// {selfsubjectaccessreview,subjectaccessreview,localsubjectaccessreview,selfsubjectrulesreview}
// and pkg/registry/authentication/selfsubjectreview): the body is validated
// (pkg/apis/authorization/validation), evaluated by the cluster's authorizer for the asking user
// (or, for SubjectAccessReviews, for the user the spec names) and sent back with its status, 201;
// nothing is stored. Who may ask is decided before, like any create: system:basic-user lets every
// authenticated user review itself.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "../../lib/knative/types";
import { sendJson, warningHeaders } from "../api/http";
import { ApiError, type StatusCause } from "../core/errors";
import type { ResourceType } from "../core/resources";
import type { Attributes } from "./attributes";
import type { Authorizer } from "./authorizer";
import { aggregateMessage } from "./authorizer";
import { invalid } from "./field-causes";
import { goQuote, goStringSliceLiteral } from "./go-format";
import { readKindBody } from "./request-body";
import { LOCAL_SUBJECT_ACCESS_REVIEWS, SELF_SUBJECT_ACCESS_REVIEWS, SELF_SUBJECT_REVIEWS, SELF_SUBJECT_RULES_REVIEWS } from "./resource-types";
import type { UserInfo } from "./user";

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  fieldSelector?: unknown;
  labelSelector?: unknown;
}
interface NonResourceAttributes {
  path?: string;
  verb?: string;
}
interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: NonResourceAttributes;
  user?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
  uid?: string;
}

/** Empty strings left out, as Go's omitempty leaves them out of the answer. */
function compact<T extends object>(o: T | undefined): T | undefined {
  if (!o) return undefined;
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== "" && v !== undefined)) as T;
}

/** `%#v` of the NonResourceAttributes a spec should not have had. */
const renderNonResource = (n: NonResourceAttributes) => `&authorization.NonResourceAttributes{Path:${goQuote(n.path ?? "")}, Verb:${goQuote(n.verb ?? "")}}`;

function specCauses(spec: AccessReviewSpec, subject: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  if (spec.resourceAttributes && spec.nonResourceAttributes) {
    causes.push(invalid("spec.nonResourceAttributes", renderNonResource(spec.nonResourceAttributes), "cannot be specified in combination with resourceAttributes"));
  }
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) {
    causes.push(invalid("spec.resourceAttributes", `"null"`, "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
  }
  if (subject && !spec.user && (spec.groups ?? []).length === 0) causes.push(invalid("spec.user", goQuote(spec.user ?? ""), "at least one of user or group must be specified"));
  return causes;
}

/** Reviews carry no metadata; anything in it is refused (`metadata: Invalid value: …: must be empty`). */
function metadataCauses(object: KubeObject): StatusCause[] {
  // Zero values are no values (a protobuf body carries its empty strings).
  const set = Object.entries(object.metadata).filter(([k, v]) => k !== "managedFields" && !isZero(v));
  if (set.length === 0) return [];
  const fields = set.map(([k, v]) => `${k[0]!.toUpperCase()}${k.slice(1)}:${typeof v === "string" ? goQuote(v) : Array.isArray(v) ? goStringSliceLiteral(v.map(String)) : JSON.stringify(v)}`);
  return [invalid("metadata", `v1.ObjectMeta{${fields.join(", ")}}`, "must be empty")];
}

function attributesFrom(user: UserInfo, spec: AccessReviewSpec): Attributes {
  const r = spec.resourceAttributes;
  if (r) {
    return {
      user,
      verb: r.verb ?? "",
      resourceRequest: true,
      path: "",
      namespace: r.namespace ?? "",
      apiGroup: r.group ?? "",
      apiVersion: r.version || "*",
      resource: r.resource ?? "",
      subresource: r.subresource ?? "",
      name: r.name ?? "",
    };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { user, verb: n.verb ?? "", resourceRequest: false, path: n.path ?? "", namespace: "", apiGroup: "", apiVersion: "", resource: "", subresource: "", name: "" };
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export class Reviews {
  constructor(private readonly authorizer: Authorizer) {}

  async handle(req: IncomingMessage, res: ServerResponse, type: ResourceType, namespace: string | undefined, user: UserInfo, query: URLSearchParams): Promise<void> {
    if (req.method !== "POST") throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    const { object: review, warnings } = await readKindBody(req, type, query);
    const answer = type === SELF_SUBJECT_RULES_REVIEWS ? this.rulesReview(review, user) : type === SELF_SUBJECT_REVIEWS ? this.selfReview(user) : this.accessReview(type, review, namespace, user);
    sendJson(res, 201, { kind: type.kind, apiVersion: `${type.group}/${type.version}`, ...answer }, warningHeaders(warnings));
  }

  private accessReview(type: ResourceType, review: KubeObject, namespace: string | undefined, user: UserInfo) {
    const spec: AccessReviewSpec = { ...((review.spec as AccessReviewSpec | undefined) ?? {}) };
    spec.resourceAttributes = compact(spec.resourceAttributes);
    spec.nonResourceAttributes = compact(spec.nonResourceAttributes);
    const forSubject = type !== SELF_SUBJECT_ACCESS_REVIEWS;
    const causes = [...specCauses(spec, forSubject), ...metadataCauses(review)];
    if (type === LOCAL_SUBJECT_ACCESS_REVIEWS && spec.nonResourceAttributes) {
      causes.push(invalid("spec.nonResourceAttributes", renderNonResource(spec.nonResourceAttributes), "disallowed on this kind of request"));
    }
    if (causes.length > 0) throw ApiError.invalid(type.group, type.kind, "", causes);
    if (type === LOCAL_SUBJECT_ACCESS_REVIEWS && spec.resourceAttributes?.namespace !== namespace) {
      throw ApiError.badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
    }
    const subject: UserInfo = forSubject ? { name: spec.user ?? "", groups: spec.groups ?? [], uid: spec.uid, extra: spec.extra } : user;
    const { decision, reason } = this.authorizer.authorize(attributesFrom(subject, spec));
    const status: Record<string, unknown> = { allowed: decision === "allow" };
    if (reason) status.reason = reason;
    return { metadata: { creationTimestamp: null }, spec: compact(spec as Record<string, unknown>), status };
  }

  private rulesReview(review: KubeObject, user: UserInfo) {
    const namespace = (review.spec as { namespace?: string } | undefined)?.namespace ?? "";
    if (!namespace) throw ApiError.badRequest("no namespace on request");
    const { rules, errors } = this.authorizer.rules.rulesFor(user, namespace);
    const resourceRules = rules
      .filter((r) => (r.resources ?? []).length > 0)
      .map((r) => compact({ verbs: r.verbs ?? [], apiGroups: r.apiGroups, resources: r.resources, resourceNames: nonEmpty(r.resourceNames) }));
    const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs }));
    const status: Record<string, unknown> = { resourceRules, nonResourceRules, incomplete: false };
    if (errors.length > 0) status.evaluationError = aggregateMessage(errors);
    return { metadata: { creationTimestamp: null }, spec: {}, status };
  }

  private selfReview(user: UserInfo) {
    const userInfo: Record<string, unknown> = { username: user.name };
    if (user.uid) userInfo.uid = user.uid;
    userInfo.groups = user.groups;
    if (user.extra && Object.keys(user.extra).length > 0) userInfo.extra = user.extra;
    return { metadata: { creationTimestamp: now() }, status: { userInfo } };
  }
}

const isZero = (v: unknown) => v === undefined || v === null || v === "" || v === 0 || (typeof v === "object" && Object.keys(v).length === 0);
const nonEmpty = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? list : undefined);

// POST …/namespaces/{ns}/serviceaccounts/{name}/token, a TokenRequest (authentication.k8s.io/v1),
// answered as kube-apiserver's TokenREST does (pkg/registry/core/serviceaccount/storage/token.go,
// pkg/apis/authentication/validation): the ServiceAccount must exist; the body's name and
// namespace, when given, must be the path's; expirationSeconds is 3600 unless given, at least 600
// and at most 2^32; audiences default to the API server's own; a token may be bound to a Pod that
// runs as the ServiceAccount, or to a Secret, and then lives no longer than it. The token is a JWT
// (./service-account-tokens.ts) that the cluster accepts as that ServiceAccount.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { KubeObject } from "../../lib/knative/types";
import { sendJson, warningHeaders } from "../api/http";
import { ApiError } from "../core/errors";
import type { ResourceType } from "../core/resources";
import { PODS, SECRETS } from "../core/resources";
import { invalid } from "./field-causes";
import { goQuote } from "./go-format";
import { readKindBody } from "./request-body";
import { AUTHENTICATION_GROUP, SERVICE_ACCOUNTS } from "./resource-types";
import type { ObjectReader } from "./rule-resolver";
import { API_AUDIENCES, type BoundObject, type ServiceAccountTokens } from "./service-account-tokens";

/** The TokenRequest kind, for decoding its body; a subresource's shape, not a resource of its own. */
export const TOKEN_REQUESTS: ResourceType = { ...SERVICE_ACCOUNTS, group: AUTHENTICATION_GROUP, resource: "tokenrequests", singular: "tokenrequest", kind: "TokenRequest", listKind: "TokenRequestList", shortNames: [], verbs: ["create"], subresources: undefined };

const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string };
}

export class TokenRequests {
  constructor(
    private readonly objects: ObjectReader,
    private readonly tokens: ServiceAccountTokens,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, namespace: string, name: string, query: URLSearchParams): Promise<void> {
    if (req.method !== "POST") throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
    const { object: request, warnings } = await readKindBody(req, TOKEN_REQUESTS, query);
    const sa = this.objects.get(SERVICE_ACCOUNTS, namespace, name);
    if (!sa) throw ApiError.notFound(SERVICE_ACCOUNTS, name);
    const meta = request.metadata;
    if (meta.name && meta.name !== name) throw this.invalid(name, "metadata.name", meta.name, "must match the service account name if specified");
    if (meta.namespace && meta.namespace !== namespace) throw this.invalid(name, "metadata.namespace", meta.namespace, "must match the service account namespace if specified");
    const spec: TokenRequestSpec = { ...((request.spec as TokenRequestSpec | undefined) ?? {}) };
    spec.expirationSeconds ??= DEFAULT_EXPIRATION_SECONDS;
    if (spec.expirationSeconds < MIN_EXPIRATION_SECONDS) throw this.invalidSeconds(name, spec.expirationSeconds, "may not specify a duration less than 10 minutes");
    if (spec.expirationSeconds > MAX_EXPIRATION_SECONDS) throw this.invalidSeconds(name, spec.expirationSeconds, "may not specify a duration larger than 2^32 seconds");
    if (!spec.audiences || spec.audiences.length === 0) spec.audiences = [...API_AUDIENCES];
    const bound = spec.boundObjectRef ? this.boundObject(name, namespace, spec.boundObjectRef) : undefined;
    if (bound) spec.boundObjectRef = { ...spec.boundObjectRef, uid: bound.uid };
    const issued = this.tokens.issue({ namespace, name, uid: sa.metadata.uid!, audiences: spec.audiences, expirationSeconds: spec.expirationSeconds, bound });
    const answer = {
      kind: "TokenRequest",
      apiVersion: `${AUTHENTICATION_GROUP}/v1`,
      metadata: { name, namespace, creationTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") },
      spec,
      status: { token: issued.token, expirationTimestamp: issued.expirationTimestamp },
    };
    sendJson(res, 201, answer, warningHeaders(warnings));
  }

  private boundObject(sa: string, namespace: string, ref: NonNullable<TokenRequestSpec["boundObjectRef"]>): BoundObject {
    const apiVersion = ref.apiVersion ?? "";
    const group = apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
    let object: KubeObject | undefined;
    if (group === "" && ref.kind === "Pod") {
      object = this.objects.get(PODS, namespace, ref.name ?? "");
      if (!object) throw ApiError.notFound(PODS, ref.name ?? "");
      const runsAs = (object.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName || "default";
      if (runsAs !== sa) throw ApiError.badRequest(`cannot bind token for serviceaccount ${goQuote(sa)} to pod running with different serviceaccount name.`);
    } else if (group === "" && ref.kind === "Secret") {
      object = this.objects.get(SECRETS, namespace, ref.name ?? "");
      if (!object) throw ApiError.notFound(SECRETS, ref.name ?? "");
    } else {
      throw ApiError.badRequest(`cannot bind token to object of type ${gvkString(apiVersion, ref.kind ?? "")}`);
    }
    const uid = object.metadata.uid ?? "";
    if (ref.uid && ref.uid !== uid) {
      throw new ApiError(
        409,
        "Conflict",
        `Operation cannot be fulfilled on ${ref.kind} ${goQuote(ref.name ?? "")}: the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
        { name: ref.name, kind: ref.kind },
      );
    }
    return { kind: ref.kind as "Pod" | "Secret", name: ref.name ?? "", uid };
  }

  private invalid(name: string, field: string, value: string, detail: string): ApiError {
    return ApiError.invalid(AUTHENTICATION_GROUP, "TokenRequest", name, [invalid(field, goQuote(value), detail)]);
  }

  private invalidSeconds(name: string, seconds: number, detail: string): ApiError {
    return ApiError.invalid(AUTHENTICATION_GROUP, "TokenRequest", name, [invalid("spec.expirationSeconds", String(seconds), detail)]);
  }
}

/** schema.GroupVersionKind.String(): `/v1, Kind=ConfigMap`, `apps/v1, Kind=Deployment`. */
function gvkString(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return `${group}/${version}, Kind=${kind}`;
}

// Everything the API server asks before it serves a request, in kube-apiserver's order
// (staging/src/k8s.io/apiserver/pkg/server/config.go DefaultBuildHandlerChain): authentication
// (who presents which token), impersonation (who the request acts as), then authorization of what
// the RequestInfo says it does, which refuses with kube-apiserver's 403 before anything is read
// or served. And the APIs that answer from the authorizer itself: the reviews and TokenRequests.

import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateRequest, staticTokens, type TokenAuthenticator } from "../api/authentication";
import type { ResourcePath } from "../api/paths";
import { ApiError } from "../core/errors";
import type { ObjectRegistry } from "../core/object-registry";
import type { Actor } from "../core/registry";
import { clusterAuthorizer, type Authorizer } from "./authorizer";
import { forbidden } from "./forbidden";
import { ADMIN_IDENTITY } from "./identities";
import { impersonatedUser } from "./impersonation";
import { requestAttributes } from "./request-info";
import { isReview, SERVICE_ACCOUNTS } from "./resource-types";
import { Reviews } from "./reviews";
import { registryReader } from "./rule-resolver";
import type { ServiceAccountTokens } from "./service-account-tokens";
import { TokenRequests } from "./token-request";
import type { UserInfo } from "./user";

export interface AccessControlOptions {
  registry: ObjectRegistry;
  /** The admin's token: kubernetes-admin, in system:masters. */
  adminToken: string;
  /** The other fixed tokens and whose they are (the seeded identities). */
  identities?: ReadonlyArray<{ token: string; user: UserInfo }>;
  /** Signs and checks ServiceAccount tokens; without it there are none, and TokenRequests are 404. */
  serviceAccountTokens?: ServiceAccountTokens;
}

export interface AccessControl {
  authorizer: Authorizer;
  /** The user the request acts as, once it may go on; throws 401, 403 (or 500 for a malformed impersonation). */
  admit(req: IncomingMessage, path: string, segments: readonly string[], query: URLSearchParams): UserInfo;
  /** Serves the reviews and TokenRequests; false for anything else. */
  serve(req: IncomingMessage, res: ServerResponse, p: ResourcePath, user: UserInfo, query: URLSearchParams): Promise<boolean>;
}

/** Who wrote an object, as the registry and its admission plugins see them. */
export function actorOf(user: UserInfo): Actor {
  return { username: user.name, groups: user.groups, ...(user.uid ? { uid: user.uid } : {}), ...(user.extra ? { extra: user.extra } : {}) };
}

export function createAccessControl(opts: AccessControlOptions): AccessControl {
  const objects = registryReader(opts.registry);
  const authorizer = clusterAuthorizer(objects);
  const sa = opts.serviceAccountTokens;
  const authenticators: TokenAuthenticator[] = [staticTokens([{ token: opts.adminToken, user: ADMIN_IDENTITY.user }, ...(opts.identities ?? [])])];
  if (sa) authenticators.push({ authenticate: (token) => sa.authenticate(token, objects) });
  const reviews = new Reviews(authorizer);
  const tokenRequests = sa ? new TokenRequests(objects, sa) : undefined;

  return {
    authorizer,
    admit(req, path, segments, query) {
      const requester = authenticateRequest(req, path, authenticators);
      const user = impersonatedUser(req, requester, authorizer);
      const attrs = { ...requestAttributes(req.method ?? "", path, segments, query), user };
      const { decision, reason } = authorizer.authorize(attrs);
      if (decision !== "allow") throw forbidden(attrs, reason);
      return user;
    },
    async serve(req, res, p, user, query) {
      if (isReview(p.type)) {
        if (p.name !== undefined) throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        await reviews.handle(req, res, p.type, p.namespace, user, query);
        return true;
      }
      if (p.type === SERVICE_ACCOUNTS && p.subresource === "token" && p.name !== undefined && p.namespace !== undefined && tokenRequests) {
        await tokenRequests.handle(req, res, p.namespace, p.name, query);
        return true;
      }
      return false;
    },
  };
}

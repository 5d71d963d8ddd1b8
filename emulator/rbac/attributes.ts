// What is being asked, by whom: k8s.io/apiserver/pkg/authorization/authorizer.Attributes, as
// the authorization filter builds them from a request's RequestInfo and user.

import type { UserInfo } from "./user";

export interface Attributes {
  user: UserInfo;
  /** get, list, watch, create, update, patch, delete, deletecollection, or a special verb (impersonate, bind, escalate); the lower-case HTTP method for a non-resource request. */
  verb: string;
  resourceRequest: boolean;
  /** The request path (non-resource requests are authorized by it). */
  path: string;
  /** "" at the cluster scope. */
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  /** "" when the request names no object (list, create). */
  name: string;
}

export type RequestAttributes = Omit<Attributes, "user">;

// A KubeConfig that acts with its own credentials on someone else's behalf: every request it
// authenticates also carries `Impersonate-User` and one `Impersonate-Group` header per group
// (https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation).
// kube-apiserver then authorizes the request as that user, after checking that the credentials'
// own identity may `impersonate` each of them
// (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go).
//
// Groups must be separate header lines: kube-apiserver reads every value of the header and does
// not split one on commas, so "a,b" would be a single group named "a,b". client-node 1.4 knows
// only `Impersonate-User` (a kubeconfig user's `as`), and each of its three ways of sending a
// request folds repeated headers into one line, so each is given the lines here:
//   - typed API clients: applySecurityAuthentication fills a record of strings, which node-fetch
//     sends one line per name; the request's headers are handed over as [name, value] pairs;
//   - watches: applyToFetchOptions builds a fetch Headers, whose iteration joins repeated names
//     with ", "; it returns [name, value] pairs instead, which node-fetch sends line by line;
//   - raw reads (lib/k8s/raw-get.ts) and anything else calling applyToHTTPSOptions: Node's
//     http.request sends an array value as one line per element.

import type { OutgoingHttpHeaders } from "node:http";
import type { RequestContext } from "@kubernetes/client-node";
import { ExplainedKubeConfig } from "./explained-kubeconfig";

export interface Impersonation {
  user: string;
  groups: readonly string[];
}

const IMPERSONATION = /^impersonate-/i;

/**
 * A name as Node writes it into a header: Node sends a header string's characters as latin1
 * bytes (and refuses any above U+00FF), while kube-apiserver takes the header's bytes as the
 * name, which identity providers write in UTF-8. So the UTF-8 bytes go out, one latin1
 * character each.
 */
const onTheWire = (name: string) => Buffer.from(name, "utf8").toString("latin1");

/** The header lines that say whom a request acts as. */
export function impersonationLines(who: Impersonation): Array<[string, string]> {
  return [["Impersonate-User", onTheWire(who.user)], ...who.groups.map((g): [string, string] => ["Impersonate-Group", onTheWire(g)])];
}

/** `headers` without any impersonation of their own, then `who`'s, one pair per line. */
function withImpersonation(headers: Iterable<[string, string]>, who: Impersonation): Array<[string, string]> {
  return [...[...headers].filter(([name]) => !IMPERSONATION.test(name)), ...impersonationLines(who)];
}

export class ImpersonatingKubeConfig extends ExplainedKubeConfig {
  constructor(readonly impersonation: Impersonation) {
    super();
  }

  override async applyToHTTPSOptions(...args: Parameters<ExplainedKubeConfig["applyToHTTPSOptions"]>): Promise<void> {
    await super.applyToHTTPSOptions(...args);
    const opts = args[0];
    const headers = (opts.headers ??= {}) as OutgoingHttpHeaders;
    for (const name of Object.keys(headers)) if (IMPERSONATION.test(name)) delete headers[name];
    const lines = impersonationLines(this.impersonation);
    headers["Impersonate-User"] = lines[0]![1];
    if (lines.length > 1) headers["Impersonate-Group"] = lines.slice(1).map(([, value]) => value);
  }

  override async applyToFetchOptions(...args: Parameters<ExplainedKubeConfig["applyToFetchOptions"]>): ReturnType<ExplainedKubeConfig["applyToFetchOptions"]> {
    const init = await super.applyToFetchOptions(...args);
    const headers = init.headers as unknown as Iterable<[string, string]> | undefined;
    return { ...init, headers: withImpersonation(headers ?? [], this.impersonation) };
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    // Read when the request is sent, so headers set later (by middleware) are kept too.
    const record = context.getHeaders.bind(context);
    const who = this.impersonation;
    context.getHeaders = () => withImpersonation(Object.entries(record()), who) as unknown as ReturnType<RequestContext["getHeaders"]>;
  }
}

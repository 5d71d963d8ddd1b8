// What the acting identity may do, asked of the cluster itself: one SelfSubjectAccessReview per
// check, all sent at once, and who it is from a SelfSubjectReview. Every access question the
// console asks goes through `reviewAccess`, which reaches the cluster as `apisFor(cluster)`
// does, so each answer is about whoever the request acts as. Answers are kept a few seconds per
// identity (per KubeConfig: one per set of credentials): a page asks on every render, and a
// grant changed meanwhile shows after that.

import type { KubeConfig } from "@kubernetes/client-node";
import { ACCESS_ACTIONS, ACCESS_CHECKS, type NamespaceAccess, type ResourceCheck } from "@/lib/queries/access";
import { apisFor, callOptions } from "./api-clients";
import type { ClusterRef } from "./cluster-ref";

const TTL_MS = 5_000;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

/** Per identity, answers by question; a failed question is forgotten at once, so it is asked again. */
class AnswerCache {
  private readonly byConfig = new WeakMap<KubeConfig, Map<string, Cached<unknown>>>();

  get<T>(kc: KubeConfig, key: string, ask: () => Promise<T>, now = Date.now()): Promise<T> {
    let answers = this.byConfig.get(kc);
    if (!answers) this.byConfig.set(kc, (answers = new Map()));
    const hit = answers.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = ask();
    answers.set(key, { at: now, value });
    value.catch(() => {
      if (answers.get(key)?.value === value) answers.delete(key);
    });
    return value;
  }
}

const cache = new AnswerCache();

/** Whether the acting identity may do each of `checks` in `namespace`, in order. */
export function reviewAccess(cluster: ClusterRef, namespace: string, checks: readonly ResourceCheck[]): Promise<boolean[]> {
  const apis = apisFor(cluster);
  return Promise.all(
    checks.map((check) =>
      cache.get(apis.kubeConfig, `access ${namespace} ${check.verb} ${check.group} ${check.resource} ${check.subresource ?? ""}`, async () => {
        const review = await apis.authorization.createSelfSubjectAccessReview(
          {
            body: {
              apiVersion: "authorization.k8s.io/v1",
              kind: "SelfSubjectAccessReview",
              spec: { resourceAttributes: { namespace, verb: check.verb, group: check.group, resource: check.resource, subresource: check.subresource } },
            },
          },
          callOptions(),
        );
        return review.status?.allowed === true;
      }),
    ),
  );
}

/**
 * The acting identity's user name, from a SelfSubjectReview (authentication.k8s.io/v1, GA since
 * Kubernetes 1.28); null when the cluster does not serve it or does not say.
 */
export function actingUser(cluster: ClusterRef): Promise<string | null> {
  const apis = apisFor(cluster);
  return cache.get(apis.kubeConfig, "user", async () => {
    try {
      const review = await apis.authentication.createSelfSubjectReview(
        { body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } },
        callOptions(),
      );
      return review.status?.userInfo?.username ?? null;
    } catch {
      return null;
    }
  });
}

/** Every console action's answer in `namespace`, with who asked. */
export async function namespaceAccess(cluster: ClusterRef, namespace: string): Promise<NamespaceAccess> {
  const [user, answers] = await Promise.all([actingUser(cluster), reviewAccess(cluster, namespace, ACCESS_ACTIONS.map((a) => ACCESS_CHECKS[a]))]);
  const allowed = Object.fromEntries(ACCESS_ACTIONS.map((action, i) => [action, answers[i]])) as NamespaceAccess["allowed"];
  return { namespace, user, allowed };
}

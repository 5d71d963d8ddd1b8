// Which container of a revision serves its requests, and on which port: Knative's
// RevisionSpec.GetContainer and the default user port (knative/serving
// pkg/apis/serving/v1/revision_helpers.go: DefaultUserPort).

import type { Container, Revision } from "./types";

export const DEFAULT_USER_PORT = 8080;

/** The only container, or the one that declares a port, else the first one. */
export function userContainerOf(revision: Revision): Container {
  const containers = revision.spec?.containers ?? [];
  if (containers.length === 1) return containers[0]!;
  return containers.find((c) => (c.ports ?? []).length > 0) ?? containers[0] ?? {};
}

/** The port the user container listens on ($PORT inside it). */
export function userPortOf(revision: Revision): number {
  return userContainerOf(revision).ports?.[0]?.containerPort ?? DEFAULT_USER_PORT;
}

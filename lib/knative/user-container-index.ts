// Which container of a revision template is the user container, by index, so an editor can
// change it in place (the same choice as user-container.ts makes for a Revision).

import type { RevisionSpec } from "./types";

export function userContainerIndex(spec: Pick<RevisionSpec, "containers"> | undefined): number {
  const containers = spec?.containers ?? [];
  if (containers.length <= 1) return 0;
  const withPort = containers.findIndex((c) => (c.ports ?? []).length > 0);
  return withPort === -1 ? 0 : withPort;
}

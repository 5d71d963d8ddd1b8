// The URL a run's requests carry, from the Service as the cluster has it: its status.url, or the
// URL its Route published for the tag. The browser names a target; it never supplies a host.

import { requestTargets } from "@/lib/knative/request-targets";
import type { Service } from "@/lib/knative/types";
import type { RequestTargetChoice } from "@/lib/queries/test-traffic";
import { invalid } from "@/lib/k8s/request-body";

export function targetUrl(service: Service, choice: RequestTargetChoice): string {
  const name = service.metadata.name ?? "";
  const what = `Requests to Service "${name}"`;
  if (choice === "service") {
    const url = requestTargets(service).find((t) => t.tag === undefined)?.url;
    if (url) return url;
    throw invalid([{ field: "target", message: `Service "${name}" has no URL yet: its Route has not published status.url (is the Service Ready?)`, reason: "FieldValueInvalid" }], what);
  }
  const published = requestTargets(service).filter((t) => t.tag !== undefined);
  const found = published.find((t) => t.tag === choice.tag);
  if (found) return found.url;
  const inSpec = (service.spec?.traffic ?? []).some((t) => t.tag === choice.tag);
  const message = inSpec
    ? `the Route of Service "${name}" has not published a URL for tag "${choice.tag}" yet`
    : `Service "${name}" has no tag "${choice.tag}" (${published.length ? `its tags: ${published.map((t) => t.tag).join(", ")}` : "it has no tags"})`;
  throw invalid([{ field: "target.tag", message, reason: "FieldValueNotFound" }], what);
}

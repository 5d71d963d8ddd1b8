// Tag URLs as the Route will publish them, for the tags typed in the dialog: derived from the
// Service's status.url, or, when its host does not have the default template's form, the URL
// the Route already publishes for that tag (status.traffic), if any.

import { tagUrlFor } from "@/lib/knative/tag-url";
import type { Service } from "@/lib/knative/types";

export function tagUrlsOf(service: Service): (tag: string | undefined) => string | undefined {
  const route = { name: service.metadata.name ?? "", namespace: service.metadata.namespace ?? "", url: service.status?.url };
  const published = new Map((service.status?.traffic ?? []).flatMap((t) => (t.tag && t.url ? [[t.tag, t.url] as const] : [])));
  return (tag) => (tag ? (tagUrlFor(route, tag) ?? published.get(tag)) : undefined);
}

// Above an "all namespaces" list the cluster let this identity read only in part: which
// namespaces it shows, which it could not read, and the cluster's own refusal of the whole.

import type { PartialList } from "@/lib/queries/api-types";

const list = (namespaces: string[]) => namespaces.join(", ");

export function PartialListNote({ partial }: { partial: PartialList }) {
  return (
    <p role="note" className="border-b border-line bg-amber-50 px-3 py-2 text-[13px] text-amber-900">
      Showing namespace{partial.namespaces.length === 1 ? "" : "s"} {list(partial.namespaces)} only: {partial.reason}.
      {partial.forbiddenNamespaces.length > 0 ? ` Not readable either: ${list(partial.forbiddenNamespaces)}.` : null}
    </p>
  );
}

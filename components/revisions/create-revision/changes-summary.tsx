import { changeLine, templateChanges } from "@/lib/knative/template-changes";
import type { RevisionTemplateSpec } from "@/lib/knative/types";

/** What the new revision changes compared with the template it starts from, one line each. */
export function ChangesSummary({ before, after, basedOn }: { before: RevisionTemplateSpec; after: RevisionTemplateSpec; basedOn: string | undefined }) {
  const changes = templateChanges(before, after);
  return (
    <section aria-label="Changes" className="rounded border border-line bg-slate-50 px-3 py-2">
      <h3 className="text-xs font-medium text-muted">
        <span className="uppercase">Changes</span>
        {basedOn ? (
          <>
            {" from "}
            <span className="font-mono">{basedOn}</span>
          </>
        ) : null}
      </h3>
      {changes.length === 0 ? (
        <p className="mt-1 text-muted">None yet: the new revision would run the same template under a new name.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5 font-mono text-xs">
          {changes.map((c) => (
            <li key={c.what} className="break-all">
              {changeLine(c)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

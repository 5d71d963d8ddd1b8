"use client";

// Every target of the split as a dense table row, ACK style: the latest-revision target first,
// then each revision of the Service newest first (split-state.ts decides the order).

import { useId } from "react";
import { TH, THead, Table } from "@/components/ui/table";
import type { SplitState } from "@/lib/knative/split-state";
import { SplitRow } from "./split-row";
import type { SplitEditing } from "./use-split-editing";

export function SplitRowsTable({
  state,
  editing,
  messages,
  badTags,
  tagUrl,
}: {
  state: SplitState;
  editing: SplitEditing;
  /** Problems per row id. */
  messages: Record<string, string[]>;
  /** Rows whose tag is refused. */
  badTags: ReadonlySet<string>;
  tagUrl: (tag: string | undefined) => string | undefined;
}) {
  const idBase = useId();
  const lockable = state.rows.length > 2;
  return (
    <Table aria-label="Traffic split" className="table-fixed">
      <colgroup>
        <col />
        <col className="w-[14.5rem]" />
        <col className="w-[15rem]" />
        <col className={lockable ? "w-[9.5rem]" : "w-[7.75rem]"} />
      </colgroup>
      <THead>
        <tr>
          <TH className="px-2.5">Revision</TH>
          <TH className="px-2.5">Traffic</TH>
          <TH className="px-2.5">Tag</TH>
          <TH className="px-2.5">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <tbody>
        {state.rows.map((row, i) => (
          <SplitRow
            key={row.id}
            state={state}
            row={row}
            editing={editing}
            lockable={lockable}
            messages={messages[row.id] ?? []}
            badTag={badTags.has(row.id)}
            tagUrl={tagUrl}
            idBase={`${idBase}-${i}`}
          />
        ))}
      </tbody>
    </Table>
  );
}

"use client";

// One row of the split: the target (a revision, or the floating latest-revision target), its
// percent as a number box and a slider that show the same value, its tag with the URL the tag
// gets, and the row's own actions. Problems with the row (the webhook's, or the cluster's
// refusal) are listed right under it.

import { Lock, LockOpen } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { buttonClass } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { NumberInput } from "@/components/ui/number-input";
import { Slider } from "@/components/ui/slider";
import { TD } from "@/components/ui/table";
import { rowLabel, type SplitRow as Row, type SplitState } from "@/lib/knative/split-state";
import { RowSwatch, rowColor } from "./row-swatch";
import type { SplitEditing } from "./use-split-editing";

export interface SplitRowProps {
  state: SplitState;
  row: Row;
  editing: SplitEditing;
  /** More than two rows: locking one lets the others move among themselves. */
  lockable: boolean;
  messages: string[];
  /** The row's tag is what a message is about. */
  badTag: boolean;
  tagUrl: (tag: string | undefined) => string | undefined;
  /** Unique per row, for the ids that tie messages to the controls. */
  idBase: string;
}

export function SplitRow({ state, row, editing, lockable, messages, badTag, tagUrl, idBase }: SplitRowProps) {
  const label = rowLabel(state, row);
  const color = rowColor(state, row);
  const striped = row.kind === "latest";
  const messagesId = messages.length > 0 ? `${idBase}-messages` : undefined;
  const url = badTag ? undefined : tagUrl(row.tag);
  const extraTags = row.extraTags.map((t) => ({ tag: t, url: tagUrl(t) }));
  return (
    <>
      <tr className={cn("hover:bg-slate-50/70", messages.length === 0 && "border-b border-line last:border-b-0")}>
        <TD className="px-2.5">
          <div className="flex items-center gap-1.5">
            <RowSwatch color={color} striped={striped} />
            <span className={cn("break-all", row.kind === "latest" && "font-medium")}>{label}</span>
          </div>
          <RowNotes row={row} extraTags={extraTags} />
        </TD>
        <TD className="px-2.5">
          <div className="flex items-center gap-2.5">
            <NumberInput
              value={row.percent}
              onValueChange={(v) => editing.type(row.id, v)}
              disabled={row.locked}
              unit="%"
              aria-label={`Percent for ${label}`}
              aria-describedby={messagesId}
            />
            <Slider
              value={row.percent}
              onValueChange={(v) => editing.slide(row.id, v)}
              onDragStart={() => editing.startDrag(row.id)}
              onDragEnd={editing.endDrag}
              disabled={row.locked}
              color={color}
              className="w-36"
              aria-label={`Percent for ${label}`}
              aria-describedby={messagesId}
            />
          </div>
        </TD>
        <TD className="px-2.5">
          <input
            type="text"
            value={row.tag ?? ""}
            onChange={(e) => editing.tag(row.id, e.target.value)}
            placeholder="no tag"
            spellCheck={false}
            autoComplete="off"
            aria-label={`Tag for ${label}`}
            aria-invalid={badTag || undefined}
            aria-describedby={messagesId}
            className={cn(
              "w-36 rounded border bg-white px-1.5 py-0.5 font-mono text-xs placeholder:font-sans placeholder:text-slate-400",
              badTag ? "border-red-400" : "border-line hover:border-slate-400",
            )}
          />
          {url ? (
            <div className="mt-0.5 max-w-64 font-mono text-[11px] leading-snug text-muted">
              <Breakable text={url} />
            </div>
          ) : null}
        </TD>
        <TD className="px-2.5">
          <div className="flex items-center justify-end gap-1.5">
            {lockable ? (
              <button
                type="button"
                aria-pressed={row.locked}
                aria-label={`Lock percent for ${label}`}
                title={row.locked ? "Locked: keeps its percent while you move the others" : "Lock: keep this percent while you move the others"}
                onClick={() => editing.lock(row.id)}
                className={cn("rounded border p-1", row.locked ? "border-brand bg-blue-50 text-brand" : "border-line text-muted hover:border-slate-400 hover:text-ink")}
              >
                {row.locked ? <Lock aria-hidden className="size-3.5" /> : <LockOpen aria-hidden className="size-3.5" />}
              </button>
            ) : null}
            <button
              type="button"
              className={cn(buttonClass("secondary"), "whitespace-nowrap px-2 text-xs")}
              onClick={() => editing.promote(row.id)}
              disabled={state.rows.every((r) => (r.id === row.id ? r.percent === 100 : r.percent === 0))}
              aria-label={`Promote to 100 %: ${label}`}
            >
              Promote to 100 %
            </button>
          </div>
        </TD>
      </tr>
      {messagesId ? (
        <tr className="border-b border-line last:border-b-0">
          <td colSpan={4} className="px-2.5 pb-2">
            <ul id={messagesId} className="ml-4 text-xs text-red-700">
              {messages.map((m) => (
                <li key={m} className="break-words">
                  {m}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** What else is worth knowing about the row's target: not ready, not found, further tags. */
function RowNotes({ row, extraTags }: { row: Row; extraTags: Array<{ tag: string; url: string | undefined }> }) {
  const notReady = row.kind === "revision" && row.known && row.ready === false;
  const missing = row.kind === "revision" && !row.known;
  if (!notReady && !missing && extraTags.length === 0) return null;
  return (
    <div className="mt-1 ml-4 flex flex-col gap-0.5">
      {notReady ? <Badge tone="warning" className="self-start">Not ready</Badge> : null}
      {missing ? <Badge tone="danger" className="self-start">Not found</Badge> : null}
      {extraTags.map((t) => (
        <span key={t.tag} className="text-xs text-muted">
          also tagged <span className="rounded bg-slate-100 px-1 font-mono text-ink">{t.tag}</span>
          {t.url ? <span className="ml-1 font-mono text-[11px]"><Breakable text={t.url} /></span> : null}
        </span>
      ))}
    </div>
  );
}

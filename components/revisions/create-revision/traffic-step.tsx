"use client";

// Step 2, Traffic Splitting Settings: the new revision and every existing one, each with its
// percent (whole numbers that must add up to exactly 100) and an optional tag. The existing
// revisions start with their current split; what following the latest revision would have done
// is said in words, because that is where a new revision silently takes traffic.

import type { FormEvent } from "react";
import { readiness } from "@/components/knative/readiness";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { RevisionName } from "@/components/revisions/revision-name";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TextField } from "@/components/ui/form-field";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import type { NewRevisionSplit } from "@/lib/knative/new-revision-split";
import { percentFor, trafficShares } from "@/lib/knative/traffic-shares";
import type { Revision, Service } from "@/lib/knative/types";
import { percentField, tagField } from "./field-paths";
import type { TrafficRow } from "./traffic-rows";

export interface TrafficStepProps {
  formId: string;
  service: Service;
  revisions: ReadonlyMap<string, Revision>;
  rows: TrafficRow[];
  split: NewRevisionSplit;
  onRowChange: (index: number, patch: Partial<TrafficRow>) => void;
  messages: (field: string) => readonly string[] | undefined;
  total: number;
  totalMessages: readonly string[];
  onSubmit: () => void;
}

function SplitNotes({ split }: { split: NewRevisionSplit }) {
  const notes: string[] = [];
  if (split.pinned) {
    notes.push(
      `${split.pinned.revisionName} keeps ${split.pinned.percent} % — pinned by name, so the new revision starts with no traffic. ` +
        "Until now that share followed the latest revision; left so, it would move to the new revision as soon as it is ready.",
    );
  }
  if (split.unpinned) {
    notes.push(`No revision is ready yet, so the ${split.unpinned} % that follows the latest revision has nothing to stay on: it goes to the new revision.`);
  }
  for (const tag of split.floatingTags) notes.push(`The tag “${tag}” keeps following the latest revision: once the new revision is ready, it answers at that tag's URL.`);
  if (notes.length === 0) return null;
  return (
    <div className="mb-3 flex flex-col gap-1 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-blue-900">
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

export function TrafficStep({ formId, service, revisions, rows, split, onRowChange, messages, total, totalMessages, onSubmit }: TrafficStepProps) {
  const shares = trafficShares(service.status?.traffic);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form id={formId} onSubmit={submit} noValidate>
      <SplitNotes split={split} />
      <Table aria-label="Traffic split">
        <THead>
          <tr>
            <TH>Revision</TH>
            <TH>Status</TH>
            <TH>Current</TH>
            <TH className="w-44">Percent %</TH>
            <TH className="w-48">Tag</TH>
          </tr>
        </THead>
        <tbody>
          {rows.map((row, i) => {
            const revision = revisions.get(row.revisionName);
            return (
              <TR key={row.isNew ? "new" : row.revisionName} className={row.isNew ? "bg-blue-50/40" : undefined}>
                <TD>
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <RevisionName name={row.revisionName} />
                    {row.isNew ? <Badge tone="info">New</Badge> : null}
                  </span>
                  {row.moreTags.length > 0 ? <p className="mt-0.5 text-xs text-muted">also tagged {row.moreTags.join(", ")}</p> : null}
                </TD>
                <TD>{row.isNew ? <span className="text-muted">Not created yet</span> : revision ? <ReadinessBadge readiness={readiness(revision)} /> : <span className="text-muted">-</span>}</TD>
                <TD className="tabular-nums">{row.isNew ? "-" : `${percentFor(shares, row.revisionName)}%`}</TD>
                <TD className="align-top">
                  <TextField
                    label={`Percent for ${row.revisionName}`}
                    hideLabel
                    type="number"
                    min={0}
                    max={100}
                    step={1}
                    inputMode="numeric"
                    value={row.percent}
                    onChange={(e) => onRowChange(i, { percent: e.target.value })}
                    errors={messages(percentField(i))}
                    inputClassName="tabular-nums"
                  />
                </TD>
                <TD className="align-top">
                  <TextField
                    label={`Tag for ${row.revisionName}`}
                    hideLabel
                    placeholder="optional"
                    value={row.tag}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => onRowChange(i, { tag: e.target.value })}
                    errors={messages(tagField(i))}
                    inputClassName="font-mono text-xs"
                  />
                </TD>
              </TR>
            );
          })}
        </tbody>
      </Table>
      <p role="status" className={cn("mt-3 flex flex-wrap items-baseline gap-x-3", totalMessages.length > 0 ? "text-red-700" : "text-ink")}>
        <span className="font-medium tabular-nums">Total {total} %</span>
        {totalMessages.length > 0 ? <span>{totalMessages.join("; ")}</span> : <span className="text-muted">The split adds up to 100 %.</span>}
      </p>
    </form>
  );
}

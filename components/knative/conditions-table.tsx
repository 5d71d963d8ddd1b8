"use client";

import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import type { Condition } from "@/lib/knative/types";

function tone(c: Condition): Tone {
  if (c.status === "True") return "success";
  if (c.status === "Unknown") return "info";
  return c.severity === "Warning" || c.severity === "Info" ? "warning" : "danger";
}

/** Every condition, Ready first, with its reason, message and when it last changed. */
export function ConditionsTable({ conditions, label }: { conditions: Condition[] | undefined; label: string }) {
  if (!conditions || conditions.length === 0) return <EmptyState title="No conditions reported yet" />;
  const sorted = [...conditions].sort((a, b) => (a.type === "Ready" ? -1 : b.type === "Ready" ? 1 : a.type.localeCompare(b.type)));
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <TH>Type</TH>
          <TH>Status</TH>
          <TH>Reason</TH>
          <TH className="w-1/2">Message</TH>
          <TH>Last Transition</TH>
        </tr>
      </THead>
      <tbody>
        {sorted.map((c) => (
          <TR key={c.type}>
            <TD className="font-medium">{c.type}</TD>
            <TD>
              <Badge tone={tone(c)}>{c.status}</Badge>
            </TD>
            <TD>{c.reason ?? <span className="text-muted">-</span>}</TD>
            <TD className="break-words">{c.message ?? <span className="text-muted">-</span>}</TD>
            <TD>
              <RelativeTime value={c.lastTransitionTime} />
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

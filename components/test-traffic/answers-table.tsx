// The answers of a run, grouped as the walk-through counts `curl` output: one row per distinct
// answer with its count, its share of the answered requests and its latency. A body is the
// application's text, shown as text (React escapes it; nothing in it is ever markup).

import { Badge } from "@/components/ui/badge";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { BODY_LIMIT_BYTES } from "@/lib/queries/test-traffic";
import { sharePercent, type AnswerGroup } from "./run-state";

const isSuccess = (status: number) => status >= 200 && status < 300;

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`;
}

function AnswerCell({ group }: { group: AnswerGroup }) {
  if (group.error !== undefined) {
    return (
      <div className="flex items-baseline gap-2">
        <Badge tone="warning">No answer</Badge>
        <span>{group.error}</span>
      </div>
    );
  }
  return (
    <div className="flex items-start gap-2">
      {isSuccess(group.status) ? null : <Badge tone={group.status >= 500 ? "danger" : "warning"}>{`HTTP ${group.status}`}</Badge>}
      {group.other ? (
        <span className="text-muted italic">Other answers (too many different bodies to tell apart)</span>
      ) : group.body === "" ? (
        <span className="text-muted italic">Empty body</span>
      ) : (
        <div className="min-w-0">
          <pre className="max-h-24 overflow-auto font-mono text-xs break-words whitespace-pre-wrap">{group.body}</pre>
          {group.truncated ? <p className="text-xs text-muted">Cut at {BODY_LIMIT_BYTES / 1024} KiB: the answer was longer.</p> : null}
        </div>
      )}
    </div>
  );
}

export function AnswersTable({ groups, answered }: { groups: AnswerGroup[]; answered: number }) {
  return (
    <Table aria-label="Answers">
      <THead>
        <tr>
          <TH>Answer</TH>
          <TH className="text-right">Count</TH>
          <TH className="w-56">Share</TH>
          <TH className="text-right">Latency p50</TH>
          <TH className="text-right">Max</TH>
        </tr>
      </THead>
      <tbody>
        {groups.map((g) => {
          const share = sharePercent(g.count, answered);
          return (
            <TR key={g.id}>
              <TD className="max-w-xl">
                <AnswerCell group={g} />
              </TD>
              <TD className="text-right font-medium tabular-nums">{g.count}</TD>
              <TD>
                <div className="flex items-center gap-2">
                  <span aria-hidden className="h-2 w-36 overflow-hidden rounded-sm bg-slate-100">
                    <span className={`block h-full ${g.error !== undefined || !isSuccess(g.status) ? "bg-red-400" : "bg-brand"}`} style={{ width: `${(g.count / Math.max(answered, 1)) * 100}%` }} />
                  </span>
                  <span className="tabular-nums">{share} %</span>
                </div>
              </TD>
              <TD className="text-right tabular-nums">{formatMs(g.p50Ms)}</TD>
              <TD className="text-right tabular-nums">{formatMs(g.maxMs)}</TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}

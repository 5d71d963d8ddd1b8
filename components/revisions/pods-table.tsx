"use client";

import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { Hint } from "@/components/ui/tooltip";
import type { Pod } from "@/lib/queries/api-types";

function podState(pod: Pod): { label: string; tone: Tone; detail?: string } {
  if (pod.metadata.deletionTimestamp) return { label: "Terminating", tone: "neutral" };
  const waiting = pod.status?.containerStatuses?.map((c) => c.state?.waiting).find(Boolean);
  if (waiting?.reason) return { label: waiting.reason, tone: "warning", detail: waiting.message };
  const phase = pod.status?.phase ?? "Unknown";
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
  if (phase === "Running") return ready ? { label: "Running", tone: "success" } : { label: "Running (not ready)", tone: "info" };
  if (phase === "Failed") return { label: "Failed", tone: "danger" };
  return { label: phase, tone: "info" };
}

export function PodsTable({ pods, scaledToZero }: { pods: Pod[]; scaledToZero: boolean }) {
  if (pods.length === 0) {
    return (
      <EmptyState title="No pods">
        {scaledToZero ? "Knative scaled this revision to zero; a request starts a pod again." : "No pod runs this revision right now."}
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Pods">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Status</TH>
          <TH>Ready</TH>
          <TH>Restarts</TH>
          <TH>Pod IP</TH>
          <TH>Node</TH>
          <TH>Creation Time</TH>
        </tr>
      </THead>
      <tbody>
        {pods.map((pod) => {
          const state = podState(pod);
          const statuses = pod.status?.containerStatuses ?? [];
          return (
            <TR key={pod.metadata.uid ?? pod.metadata.name}>
              <TD className="font-mono text-xs">{pod.metadata.name}</TD>
              <TD>
                <Hint content={state.detail}>
                  <Badge tone={state.tone}>{state.label}</Badge>
                </Hint>
              </TD>
              <TD className="tabular-nums">
                {statuses.filter((c) => c.ready).length}/{statuses.length || pod.spec?.containers?.length || 0}
              </TD>
              <TD className="tabular-nums">{statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0)}</TD>
              <TD className="font-mono text-xs">{pod.status?.podIP ?? "-"}</TD>
              <TD className="text-xs">{pod.spec?.nodeName ?? "-"}</TD>
              <TD>
                <RelativeTime value={pod.metadata.creationTimestamp} />
              </TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}

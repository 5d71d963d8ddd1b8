"use client";

// Send requests, on the Service page: the form, then the run (progress and the answers grouped
// by body), or what to expect before the first run, or why the requests could not be sent.

import { useState } from "react";
import { requestTargets } from "@/lib/knative/request-targets";
import type { Service } from "@/lib/knative/types";
import type { KubeStatus } from "@/lib/queries/status";
import { plannedRequests } from "@/lib/queries/test-traffic";
import { AnswersTable } from "./answers-table";
import { keepTarget, INITIAL_DRAFT, requestOf, type RequestDraft } from "./request-draft";
import { RequestForm } from "./request-form";
import { RunProgress } from "./run-progress";
import { isActive, type RunState } from "./run-state";
import { useRequestRun } from "./use-request-run";
import { WriteFailure } from "@/components/traffic/write-failure";

function Failure({ error, state }: { error: KubeStatus; state: RunState }) {
  const title = state.answered > 0 ? "The run broke off" : "The requests could not be sent";
  const hint = error.code === 429 ? "Runs in progress end by themselves, or when their page is closed or stopped." : error.code === 422 ? "Nothing was sent." : undefined;
  return <WriteFailure title={title} message={error.message} details={hint ? [hint] : []} />;
}

/** What a screen reader hears when a run changes phase (not on every count). */
function announcement(state: RunState): string {
  const different = state.groups.length === 1 ? "1 kind of answer" : `${state.groups.length} different answers`;
  switch (state.phase) {
    case "idle":
      return "";
    case "starting":
    case "running":
      return `Sending ${state.planned} requests.`;
    case "finished":
      return `Done: ${state.answered} of ${state.planned} answered, ${different}.`;
    case "stopped":
      return `Stopped after ${state.answered} of ${state.planned} answered.`;
    case "failed":
      return `Failed: ${state.error?.message ?? ""}`;
  }
}

function NoRunYet({ planned }: { planned: number | undefined }) {
  return (
    <div className="rounded border border-dashed border-line px-4 py-5 text-center text-[13px] text-muted">
      <p className="font-medium text-ink">No requests sent yet</p>
      <p className="mt-1">
        Send {planned ?? "some"} requests to see which revisions answer: every answer is counted by its body, so a 50/50 split shows as two answers of about half each.
      </p>
    </div>
  );
}

export function SendRequestsPanel({ cluster, namespace, service }: { cluster: string; namespace: string; service: Service }) {
  const targets = requestTargets(service);
  const [rawDraft, setDraft] = useState<RequestDraft>(INITIAL_DRAFT);
  const draft = keepTarget(rawDraft, targets);
  const { state, start, stop } = useRequestRun(cluster, namespace, service.metadata.name ?? "");
  const active = isActive(state);
  const request = requestOf(draft, targets);

  if (targets.length === 0) {
    return (
      <p className="text-[13px] text-muted">
        The Service has no URL yet. Requests can be sent once its Route is ready and publishes one (<span className="font-mono">status.url</span>).
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <RequestForm
        draft={draft}
        onDraftChange={setDraft}
        targets={targets}
        active={active}
        onSend={() => {
          if (request) void start(request);
        }}
        onStop={stop}
      />
      <p className="sr-only" role="status">
        {announcement(state)}
      </p>
      {state.phase === "idle" ? <NoRunYet planned={request && plannedRequests(request)} /> : null}
      {state.phase === "failed" && state.error ? <Failure error={state.error} state={state} /> : null}
      {state.phase !== "idle" && !(state.phase === "failed" && !state.url) ? <RunProgress state={state} /> : null}
      {state.groups.length > 0 ? (
        <div className="overflow-hidden rounded border border-line">
          <AnswersTable groups={state.groups} answered={state.answered} />
        </div>
      ) : state.phase === "stopped" ? (
        <p className="text-[13px] text-muted">No request was answered before the run was stopped.</p>
      ) : null}
    </div>
  );
}

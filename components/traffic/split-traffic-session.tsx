"use client";

// One opening of the Split Traffic dialog. The split is read from the Service and its revisions
// once, when the dialog opens, and the write is conditional on the resourceVersion read then:
// live updates of the page never reach the form, so what the user edits is what they saw, and a
// change made meanwhile is a 409 shown as such (with the live Service beside the user's split),
// never silently overwritten.

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ServiceDialogProps } from "@/components/services/service-actions";
import { Dialog } from "@/components/ui/dialog";
import { checkSplit } from "@/lib/knative/split-check";
import { placeCauses } from "@/lib/knative/split-causes";
import { toTraffic, trafficDiff } from "@/lib/knative/split-output";
import { rollback } from "@/lib/knative/split-shortcuts";
import { rowLabel, splitRevisionOf, splitStateForService } from "@/lib/knative/split-state";
import { splitWarnings } from "@/lib/knative/split-warnings";
import { checkTraffic } from "@/lib/knative/traffic";
import { useUpdateTraffic } from "@/lib/queries/service-writes";
import { serviceQuery } from "@/lib/queries/services";
import { isConflict, isInvalid, type StatusError } from "@/lib/queries/status";
import type { TrafficUpdate } from "@/lib/queries/write-requests";
import { SplitConflict } from "./split-conflict";
import { type Refusal, SplitEditor } from "./split-editor";
import { SplitFooter, type SplitStep } from "./split-footer";
import { SplitReview } from "./split-review";
import { splitSummary } from "./split-summary";
import { StepFocus } from "./step-focus";
import { tagUrlsOf } from "./tag-urls";
import { useSplitEditing } from "./use-split-editing";
import { WriteFailure } from "./write-failure";

const NO_CHANGE = "No change yet: this is the Service's current split.";

export function SplitTrafficSession({ cluster, namespace, service, revisions, open, onOpenChange, onApplied }: ServiceDialogProps & { onApplied: (summary: string) => void }) {
  const name = service.metadata.name ?? "";
  const queryClient = useQueryClient();
  const update = useUpdateTraffic({ cluster, namespace, name });

  // What the form was built from: the resourceVersion the write is conditional on, and the
  // revisions Roll back steps through. Replaced only by "Start over from the current split".
  const [opened, setOpened] = useState(() => ({ resourceVersion: service.metadata.resourceVersion ?? "", generation: service.metadata.generation, revisions: revisions.map(splitRevisionOf) }));
  const [step, setStep] = useState<SplitStep>("edit");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<StatusError | null>(null);
  /** The resourceVersion a write was refused at with 409; the page's copy of the Service is newer once it differs. */
  const [conflictAt, setConflictAt] = useState<string | null>(null);
  const editing = useSplitEditing(
    () => splitStateForService(service, revisions),
    () => setRefusal(null),
  );
  const { state } = editing;

  const check = useMemo(() => checkSplit(state), [state]);
  const warnings = useMemo(() => splitWarnings(state), [state]);
  const changed = useMemo(() => trafficDiff(state.currentTraffic, check.traffic).some((r) => r.changed), [state, check]);
  const rollbackTo = useMemo(() => rollback(state, opened.revisions), [state, opened.revisions]);
  const tagUrl = useMemo(() => tagUrlsOf(service), [service]);

  // The live Service, for a conflict only: its split now, and the user's split built on it.
  const live = useMemo(() => splitStateForService(service, []).currentTraffic, [service]);
  const mineOnLive = useMemo(() => toTraffic(state, live), [state, live]);
  const reapplyProblem = useMemo(() => checkTraffic(mineOnLive).leaves[0]?.message, [mineOnLive]);
  const waitingForLive = conflictAt !== null && service.metadata.resourceVersion === conflictAt;

  /** The reason, prefixed with the row it is about when it is a row's problem. */
  const rowOf = (reason: string | undefined) => {
    const row = state.rows.find((r) => check.rowMessages[r.id]?.includes(reason ?? ""));
    return row && reason ? `${rowLabel(state, row)}: ${reason}` : (reason ?? "");
  };

  const send = (body: TrafficUpdate) => {
    setFailure(null);
    update.mutate(body, {
      onSuccess: () => {
        onOpenChange(false);
        onApplied(splitSummary(state));
      },
      onError: (error) => {
        if (isConflict(error)) {
          setConflictAt(body.resourceVersion);
          setStep("conflict");
          // The page's live stream brings the newer Service within a second; ask for it too.
          void queryClient.invalidateQueries({ queryKey: serviceQuery(cluster, namespace, name).queryKey });
        } else if (isInvalid(error)) {
          setRefusal({ message: error.message, ...placeCauses(body.spec.traffic, error.causes) });
          setStep("edit");
        } else {
          setFailure(error);
        }
      },
    });
  };

  const startOver = () => {
    setOpened({ resourceVersion: service.metadata.resourceVersion ?? "", generation: service.metadata.generation, revisions: revisions.map(splitRevisionOf) });
    editing.replace(splitStateForService(service, revisions));
    setConflictAt(null);
    setFailure(null);
    setStep("edit");
  };

  const okBlocked = !check.ok ? { text: rowOf(check.reason) } : changed ? undefined : { text: NO_CHANGE, notice: true };

  const failureBox = failure ? <WriteFailure title="The split was not applied" message={failure.message} /> : null;
  const description =
    step === "edit"
      ? `Share the requests of ${name} among its revisions. The total must be exactly 100 %.`
      : step === "review"
        ? "Check the change, then apply it."
        : "Nothing was applied.";

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Split Traffic"
      description={description}
      size="lg"
      footer={
        <SplitFooter
          step={step}
          pending={update.isPending}
          okBlocked={okBlocked}
          reapplyBlocked={waitingForLive ? "Waiting for the current split…" : reapplyProblem}
          waitingForLive={waitingForLive}
          onCancel={() => onOpenChange(false)}
          onOk={() => setStep("review")}
          onBack={() => {
            setFailure(null);
            setStep("edit");
          }}
          onApply={() => send({ resourceVersion: opened.resourceVersion, generation: opened.generation, spec: { traffic: check.traffic } })}
          onReapply={() => send({ resourceVersion: service.metadata.resourceVersion ?? "", generation: service.metadata.generation, spec: { traffic: mineOnLive } })}
          onStartOver={startOver}
        />
      }
    >
      {step === "edit" ? (
        <SplitEditor editing={editing} check={check} warnings={warnings} rollback={rollbackTo} refusal={refusal} tagUrl={tagUrl} />
      ) : step === "review" ? (
        <StepFocus label="Review">
          <SplitReview namespace={namespace} service={name} state={state} traffic={check.traffic} warnings={warnings} failure={failureBox} />
        </StepFocus>
      ) : (
        <StepFocus label="Conflict">
          <SplitConflict state={state} current={live} mine={mineOnLive} waiting={waitingForLive} problem={reapplyProblem} failure={failureBox} />
        </StepFocus>
      )}
    </Dialog>
  );
}

"use client";

// The Create Revision wizard's dialog: its two steps, their checks, and the one request Create
// sends (the new template and its split together, at the resourceVersion the wizard opened with).

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog } from "@/components/ui/dialog";
import type { Revision, Service } from "@/lib/knative/types";
import { userContainerIndex } from "@/lib/knative/user-container-index";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { useCreateRevision } from "@/lib/queries/service-writes";
import { serviceQuery } from "@/lib/queries/services";
import { isConflict, isInvalid } from "@/lib/queries/status";
import { checkBasics } from "./basic-checks";
import { BasicStep } from "./basic-step";
import { ChangesSummary } from "./changes-summary";
import { addMessage, basicFieldOf, GENERAL, trafficFieldOf, TRAFFIC_TOTAL, type FieldMessages } from "./field-paths";
import { type BasicForm, rebaseForm, templateFromForm } from "./form-model";
import { SubmitProblem } from "./submit-problem";
import { TrafficStep } from "./traffic-step";
import { checkTrafficRows, rebaseRows, type TrafficRow } from "./traffic-rows";
import { openSession, type WizardSession } from "./wizard-session";
import { WizardSteps } from "./wizard-steps";

/** Fields shown without opening Advanced. */
const IN_VIEW = new Set(["image", "port", GENERAL]);

const hasProblems = (messages: FieldMessages) => Object.values(messages).some((m) => m.length > 0);

export interface RevisionWizardDialogProps {
  cluster: string;
  namespace: string;
  /** The Service and its revisions as they were when the wizard was opened. */
  opened: { service: Service; revisions: Revision[] };
  onOpenChange: (open: boolean) => void;
  onCreated: (revisionName: string, percent: number) => void;
}

export function RevisionWizardDialog({ cluster, namespace, opened, onOpenChange, onCreated }: RevisionWizardDialogProps) {
  const name = opened.service.metadata.name ?? "";
  const formId = useId();
  const queryClient = useQueryClient();
  const mutation = useCreateRevision({ cluster, namespace, name });
  const content = useRef<HTMLDivElement>(null);

  const [session, setSession] = useState<WizardSession>(() => openSession(opened.service, opened.revisions));
  const [form, setForm] = useState<BasicForm>(session.initial);
  const [rows, setRows] = useState<TrafficRow[]>(session.plan.rows);
  const [step, setStep] = useState(0);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  // Problems show for what the user has edited, and for everything once they tried to go on.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ selector: string; n: number } | null>(null);
  const [rebase, setRebase] = useState<{ pending: boolean; error?: string; done?: boolean }>({ pending: false });

  const newName = form.revisionName.trim() || session.suggestion;
  const base = session.service.spec.template;
  const template = useMemo(() => templateFromForm(base, session.initial, form, newName), [base, session.initial, form, newName]);
  const basicMessages = useMemo(
    () => checkBasics({ service: session.service, form, template, existingRevisions: session.revisionNames }),
    [session, form, template],
  );
  const namedRows = useMemo(() => rows.map((r) => (r.isNew ? { ...r, revisionName: newName } : r)), [rows, newName]);
  const traffic = useMemo(() => checkTrafficRows(namedRows, newName, session.plan.split.floatingTags), [namedRows, newName, session.plan.split.floatingTags]);

  // The server's refusal, each cause placed next to its control when one edits that field.
  const error = mutation.error;
  const serverMessages = useMemo(() => {
    const messages: FieldMessages = {};
    if (!error || !isInvalid(error)) return messages;
    const containerIndex = userContainerIndex(template.spec);
    for (const cause of error.causes) {
      const field = cause.field ? (basicFieldOf(cause.field, containerIndex) ?? trafficFieldOf(cause.field, traffic.rowOfTarget)) : undefined;
      addMessage(messages, field ?? GENERAL, field ? (cause.message ?? "") : [cause.field, cause.message].filter(Boolean).join(": "));
    }
    return messages;
  }, [error, template.spec, traffic.rowOfTarget]);

  useEffect(() => {
    if (!focusRequest) return;
    content.current?.querySelector<HTMLElement>(focusRequest.selector)?.focus();
  }, [focusRequest]);
  const focusSoon = (selector: string) => setFocusRequest((r) => ({ selector, n: (r?.n ?? 0) + 1 }));

  const editedKey = (field: string) => {
    const env = /^env\.(\d+)\./.exec(field);
    return env ? `env:${form.env[Number(env[1])]?.id}` : field;
  };
  const basicShown = (field: string) => {
    const own = attempted || edited.has(editedKey(field)) ? (basicMessages[field] ?? []) : [];
    const all = [...(serverMessages[field] ?? []), ...own];
    return all.length > 0 ? [...new Set(all)] : undefined;
  };
  const trafficShown = (field: string) => {
    const all = [...(serverMessages[field] ?? []), ...(traffic.messages[field] ?? [])];
    return all.length > 0 ? [...new Set(all)] : undefined;
  };

  const clearRefusal = () => {
    if (error && !isConflict(error)) mutation.reset();
  };
  const changeForm = (patch: Partial<BasicForm>, key: string) => {
    setForm((f) => ({ ...f, ...patch }));
    setEdited((e) => new Set(e).add(key));
    clearRefusal();
  };
  const changeRow = (index: number, patch: Partial<TrafficRow>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    clearRefusal();
  };

  const next = () => {
    setAttempted(true);
    if (!hasProblems(basicMessages)) {
      setStep(1);
      focusSoon("tbody input");
      return;
    }
    if (Object.keys(basicMessages).some((f) => !IN_VIEW.has(f) && basicMessages[f]!.length > 0)) setAdvancedOpen(true);
    focusSoon('[aria-invalid="true"], [role="alert"] button');
  };
  const back = () => {
    setStep(0);
    focusSoon("input");
  };

  const create = () => {
    if (hasProblems(traffic.messages) || mutation.isPending) return;
    const percent = traffic.traffic.find((t) => t.revisionName === newName)?.percent ?? 0;
    mutation.mutate(
      { resourceVersion: session.service.metadata.resourceVersion ?? "", generation: session.service.metadata.generation, spec: { template, traffic: traffic.traffic } },
      {
        onSuccess: () => onCreated(newName, percent),
        onError: (err) => {
          if (!isInvalid(err)) return;
          // A refused template field is fixed on the first step: go there and show it.
          const containerIndex = userContainerIndex(template.spec);
          const basicCauses = err.causes.map((c) => (c.field ? basicFieldOf(c.field, containerIndex) : undefined)).filter((f): f is string => !!f);
          if (basicCauses.length > 0) {
            setStep(0);
            if (basicCauses.some((f) => !IN_VIEW.has(f))) setAdvancedOpen(true);
          }
        },
      },
    );
  };

  const takeCurrentVersion = async () => {
    setRebase({ pending: true });
    try {
      const [service, list] = await Promise.all([
        queryClient.fetchQuery({ ...serviceQuery(cluster, namespace, name), staleTime: 0 }),
        queryClient.fetchQuery({ ...serviceRevisionsQuery(cluster, namespace, name), staleTime: 0 }),
      ]);
      const fresh = openSession(service, list.items);
      setForm(rebaseForm(session.initial, form, fresh.initial));
      setRows(rebaseRows(rows, fresh.plan.rows));
      setSession(fresh);
      mutation.reset();
      setRebase({ pending: false, done: true });
    } catch (err) {
      setRebase({ pending: false, error: `Could not read the current version: ${(err as Error).message}` });
    }
  };

  const conflict = error && isConflict(error);
  const trafficProblem = traffic.messages[TRAFFIC_TOTAL]?.[0] ?? (hasProblems(traffic.messages) ? "Fix the marked percents and tags." : undefined);
  const createBlockedBy = conflict ? "Take the current version first." : trafficProblem;
  const basedOn = session.service.status?.latestCreatedRevisionName;

  const footer =
    step === 0 ? (
      <>
        <button type="button" className={buttonClass("secondary")} onClick={() => onOpenChange(false)}>
          Cancel
        </button>
        <button type="submit" form={formId} className={buttonClass("primary")}>
          Next
        </button>
      </>
    ) : (
      <>
        {createBlockedBy ? (
          <span className="mr-auto text-xs text-red-700" aria-live="polite">
            {createBlockedBy}
          </span>
        ) : null}
        <button type="button" className={buttonClass("secondary")} onClick={back}>
          Back
        </button>
        <button type="submit" form={formId} className={buttonClass("primary")} disabled={!!createBlockedBy || mutation.isPending}>
          {mutation.isPending ? "Creating…" : "Create"}
        </button>
      </>
    );

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      size="lg"
      title="Create Revision"
      description={`A new revision of ${name} in ${namespace}${basedOn ? `, starting from the template of ${basedOn}` : ""}.`}
      footer={footer}
    >
      <div ref={content}>
        <WizardSteps current={step} />
        {error ? (
          <SubmitProblem
            error={error}
            serviceName={name}
            onUseCurrentVersion={() => void takeCurrentVersion()}
            rebasing={rebase.pending}
            rebaseError={rebase.error}
          />
        ) : rebase.done ? (
          <p role="status" className="mb-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-blue-900">
            Now based on the current version of {name}; your inputs are kept. Check the split, then create again.
          </p>
        ) : null}
        {step === 0 ? (
          <BasicStep
            formId={formId}
            cluster={cluster}
            namespace={namespace}
            service={name}
            form={form}
            suggestion={session.suggestion}
            onChange={changeForm}
            messages={basicShown}
            general={attempted ? (basicMessages[GENERAL] ?? []) : []}
            advancedOpen={advancedOpen}
            onAdvancedOpenChange={setAdvancedOpen}
            before={base}
            after={template}
            basedOn={basedOn}
            onSubmit={next}
          />
        ) : (
          <div className="flex flex-col gap-4">
            <TrafficStep
              formId={formId}
              service={session.service}
              revisions={new Map(session.revisions.map((r) => [r.metadata.name ?? "", r]))}
              rows={namedRows}
              split={session.plan.split}
              onRowChange={changeRow}
              messages={trafficShown}
              total={traffic.total}
              totalMessages={trafficShown(TRAFFIC_TOTAL) ?? []}
              onSubmit={create}
            />
            <ChangesSummary before={base} after={template} basedOn={basedOn} />
          </div>
        )}
      </div>
    </Dialog>
  );
}

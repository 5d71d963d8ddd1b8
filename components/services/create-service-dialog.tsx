"use client";

// The Create Service dialog, opened from the Services tab (loaded there with next/dynamic, so
// none of this is in the page's first load). Knative's rules are checked as the user types; the
// one request Create sends is refused by the server with a Status when they are not met, or when
// the name is taken, and each problem is shown next to its field. On success the new Service's
// page opens, where it comes up live.

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { consoleRoutes } from "@/components/knative/console-routes";
import { GENERAL } from "@/components/revisions/create-revision/field-paths";
import type { BasicForm } from "@/components/revisions/create-revision/form-model";
import { ProblemList } from "@/components/revisions/create-revision/problem-list";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog } from "@/components/ui/dialog";
import { useCreateService } from "@/lib/queries/service-writes";
import { ContainerFields } from "@/components/revisions/create-revision/container-fields";
import { checkDraft, hasProblems } from "./create-service/create-checks";
import { CreateProblem } from "./create-service/create-problem";
import { IdentityFields } from "./create-service/identity-fields";
import { refusalMessages } from "./create-service/refusal-messages";
import { NAME_FIELD, NAMESPACE_FIELD, newDraft, type ServiceDraft, serviceCreationOf, serviceNameOf } from "./create-service/service-draft";

/** Fields shown without opening Advanced. */
const IN_VIEW = new Set([NAME_FIELD, NAMESPACE_FIELD, "image", "port", GENERAL]);

export interface CreateServiceDialogProps {
  cluster: string;
  /** Where the new Service goes unless the user picks another namespace. */
  namespace: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CreateServiceDialog(props: CreateServiceDialogProps) {
  // Mounted for each opening, so every one starts from an empty form.
  return props.open ? <CreateServiceForm {...props} /> : null;
}

function CreateServiceForm({ cluster, namespace, onOpenChange }: CreateServiceDialogProps) {
  const formId = useId();
  const router = useRouter();
  const mutation = useCreateService(cluster);
  const content = useRef<HTMLDivElement>(null);

  const [draft, setDraft] = useState<ServiceDraft>(() => newDraft(namespace));
  const [advancedOpen, setAdvancedOpen] = useState(false);
  // Problems show for what the user has edited, and for everything once they tried to create.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const own = useMemo(() => checkDraft(draft), [draft]);
  const error = mutation.error;
  const sent = mutation.variables;
  const refused = useMemo(
    () => refusalMessages(error, sent && { name: sent.service.metadata.name, namespace: sent.namespace }),
    [error, sent],
  );

  // Once the user tried, the first control with a problem gets the focus.
  useEffect(() => {
    if (focusRequest === 0) return;
    content.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const editedKey = (field: string) => {
    const env = /^env\.(\d+)\./.exec(field);
    return env ? `env:${draft.basics.env[Number(env[1])]?.id}` : field;
  };
  const shown = (field: string) => {
    const mine = attempted || edited.has(editedKey(field)) ? (own[field] ?? []) : [];
    const all = [...(refused[field] ?? []), ...mine];
    return all.length > 0 ? [...new Set(all)] : undefined;
  };

  const change = (update: (d: ServiceDraft) => ServiceDraft, key?: string) => {
    setDraft(update);
    if (key) setEdited((e) => new Set(e).add(key));
    // A refusal was about what was sent; once that is edited it no longer applies.
    if (error) mutation.reset();
  };
  const changeBasics = (patch: Partial<BasicForm>, key: string) => change((d) => ({ ...d, basics: { ...d.basics, ...patch } }), key);
  const openProblems = (messages: Record<string, string[]>) => {
    if (Object.keys(messages).some((f) => !IN_VIEW.has(f) && messages[f]!.length > 0)) setAdvancedOpen(true);
    setFocusRequest((n) => n + 1);
  };

  const create = () => {
    if (mutation.isPending || mutation.isSuccess) return;
    setAttempted(true);
    if (hasProblems(own)) {
      openProblems(own);
      return;
    }
    const target = draft.namespace;
    mutation.mutate(
      { namespace: target, service: serviceCreationOf(draft) },
      {
        // The dialog stays until the Service's page replaces the tab, so nothing flickers between.
        onSuccess: (service) => router.push(consoleRoutes.service(cluster, target, service.metadata.name ?? serviceNameOf(draft))),
        onError: (err, variables) => openProblems(refusalMessages(err, { name: variables.service.metadata.name, namespace: variables.namespace })),
      },
    );
  };

  const general = attempted ? (own[GENERAL] ?? []) : [];
  const busy = mutation.isPending || mutation.isSuccess;
  const footer = (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={() => onOpenChange(false)}>
        Cancel
      </button>
      <button type="submit" form={formId} className={buttonClass("primary")} disabled={busy}>
        {mutation.isSuccess ? "Opening the Service…" : mutation.isPending ? "Creating…" : "Create"}
      </button>
    </>
  );

  return (
    <Dialog open onOpenChange={onOpenChange} size="lg" title="Create Service" description="A new Knative Service. Its first revision runs the image below." footer={footer}>
      <div ref={content}>
        <form
          id={formId}
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          {error ? <CreateProblem error={error} /> : general.length > 0 ? <ProblemList title="Knative would refuse this Service" messages={general} /> : null}
          <IdentityFields
            cluster={cluster}
            namespace={draft.namespace}
            name={draft.name}
            onNamespaceChange={(ns) => change((d) => ({ ...d, namespace: ns }), NAMESPACE_FIELD)}
            onNameChange={(name) => change((d) => ({ ...d, name }))}
            onNameBlur={() => draft.name !== "" && setEdited((e) => new Set(e).add(NAME_FIELD))}
            namespaceErrors={shown(NAMESPACE_FIELD)}
            nameErrors={shown(NAME_FIELD)}
          />
          <ContainerFields
            formId={formId}
            cluster={cluster}
            namespace={draft.namespace}
            service={serviceNameOf(draft) || "name"}
            // Knative names the first revision `<service>-00001` when the field is left empty.
            suggestion={`${serviceNameOf(draft) || "name"}-00001`}
            imagePlaceholder="e.g. ghcr.io/knative/helloworld-go:latest"
            form={draft.basics}
            onChange={changeBasics}
            messages={shown}
            advancedOpen={advancedOpen}
            onAdvancedOpenChange={setAdvancedOpen}
          />
        </form>
      </div>
    </Dialog>
  );
}

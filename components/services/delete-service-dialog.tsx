"use client";

// The Delete Service dialog, opened from the Service page's header (loaded with next/dynamic).
// It lists what goes with the Service (its Configuration, its Route and each Revision) as they
// were when it opened, and deletes only once the user has typed the Service's name. The delete
// is conditional on the resourceVersion of the Service the dialog showed: one whose spec someone
// changed meanwhile is a 409, and the user looks at its current version before deleting again.

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { consoleRoutes } from "@/components/knative/console-routes";
import { ProblemList } from "@/components/revisions/create-revision/problem-list";
import { revisionGeneration } from "@/components/revisions/revision-row";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import type { Revision, Service } from "@/lib/knative/types";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { useDeleteService } from "@/lib/queries/service-writes";
import { serviceQuery } from "@/lib/queries/services";
import { isConflict, isNotFound } from "@/lib/queries/status";
import type { ServiceDialogProps } from "./service-actions";

export function DeleteServiceDialog(props: ServiceDialogProps) {
  // Mounted for each opening, so it shows the Service as it is then and the name is typed anew.
  return props.open ? <DeleteServiceConfirmation {...props} /> : null;
}

interface Shown {
  service: Service;
  revisions: Revision[];
}

const newestFirst = (revisions: readonly Revision[]) =>
  [...revisions].sort((a, b) => (revisionGeneration(b) ?? -1) - (revisionGeneration(a) ?? -1) || (b.metadata.name ?? "").localeCompare(a.metadata.name ?? ""));

/**
 * The version the delete is conditional on. A status update by Knative's controllers since the
 * dialog showed the Service (same generation) changes nothing the user confirmed, so the page's
 * current version stands for it, as for the console's other writes; a spec changed meanwhile
 * keeps the version shown, and the cluster answers 409.
 */
function versionToDelete(shown: Service, live: Service): string | undefined {
  const statusOnly = live.metadata.generation !== undefined && live.metadata.generation === shown.metadata.generation;
  return statusOnly ? live.metadata.resourceVersion : shown.metadata.resourceVersion;
}

function DeleteServiceConfirmation({ cluster, namespace, service, revisions, onOpenChange }: ServiceDialogProps) {
  const name = service.metadata.name ?? "";
  const formId = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mutation = useDeleteService({ cluster, namespace, name });
  const [shown, setShown] = useState<Shown>(() => ({ service, revisions: newestFirst(revisions) }));
  const [typed, setTyped] = useState("");
  const [reload, setReload] = useState<{ pending: boolean; error?: string; done?: boolean }>({ pending: false });

  const confirmed = typed === name;
  const backToServices = () => router.push(consoleRoutes.knative(cluster, `?tab=services&namespace=${encodeURIComponent(namespace)}`));

  const remove = () => {
    if (!confirmed || mutation.isPending || mutation.isSuccess) return;
    setReload({ pending: false });
    mutation.mutate(
      { resourceVersion: versionToDelete(shown.service, service) },
      {
        onSuccess: backToServices,
        // Someone else deleted it first: what the user asked for is done.
        onError: (err) => isNotFound(err) && backToServices(),
      },
    );
  };

  const takeCurrentVersion = async () => {
    setReload({ pending: true });
    try {
      const [current, list] = await Promise.all([
        queryClient.fetchQuery({ ...serviceQuery(cluster, namespace, name), staleTime: 0 }),
        queryClient.fetchQuery({ ...serviceRevisionsQuery(cluster, namespace, name), staleTime: 0 }),
      ]);
      setShown({ service: current, revisions: newestFirst(list.items) });
      mutation.reset();
      setReload({ pending: false, done: true });
    } catch (err) {
      setReload({ pending: false, error: `Could not read the current version: ${(err as Error).message}` });
    }
  };

  const error = mutation.error;
  const conflict = error && isConflict(error);
  const footer = (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={() => onOpenChange(false)}>
        Cancel
      </button>
      <button type="submit" form={formId} className={buttonClass("danger")} disabled={!confirmed || !!conflict || mutation.isPending || mutation.isSuccess}>
        {mutation.isPending ? "Deleting…" : mutation.isSuccess ? "Deleted" : "Delete Service"}
      </button>
    </>
  );

  return (
    <Dialog
      open
      onOpenChange={onOpenChange}
      title="Delete Service"
      description={
        <>
          Deletes <span className="font-medium text-ink">{name}</span> from namespace {namespace}. This cannot be undone.
        </>
      }
      footer={footer}
    >
      <form
        id={formId}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          remove();
        }}
      >
        {conflict ? (
          <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            <p className="font-medium">The Service changed since you opened this dialog</p>
            <p className="mt-0.5">Someone or something updated {name} in the meantime, so nothing was deleted. Look at what it has now, then delete again.</p>
            {reload.error ? <p className="mt-1 text-red-700">{reload.error}</p> : null}
            <button type="button" className={`${buttonClass("secondary")} mt-2`} onClick={() => void takeCurrentVersion()} disabled={reload.pending}>
              <RefreshCw aria-hidden className="size-3.5" />
              {reload.pending ? "Loading the current version…" : "Show the current version"}
            </button>
          </div>
        ) : error && !isNotFound(error) ? (
          <ProblemList title="The Service was not deleted" messages={[error.status.message]} />
        ) : reload.done ? (
          <p role="status" className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-blue-900">
            This is what {name} has now. Check it, then delete again.
          </p>
        ) : null}
        <DeletedWithIt service={shown.service} revisions={shown.revisions} />
        <TextField
          label="Type the name to confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          hint={
            <>
              Type <span className="font-mono text-ink">{name}</span> to enable Delete Service.
            </>
          }
          autoComplete="off"
          spellCheck={false}
          // Radix would focus the Close button first; the one thing to do here is type the name.
          autoFocus
          inputClassName="font-mono text-xs"
        />
      </form>
    </Dialog>
  );
}

function DeletedWithIt({ service, revisions }: Shown) {
  const name = service.metadata.name ?? "";
  const url = service.status?.url;
  const item = (kind: string, object: string, note?: string) => (
    <li key={`${kind}/${object}`} className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-baseline gap-x-3 py-1.5">
      <span className="text-muted">{kind}</span>
      <span className="min-w-0">
        <span className="block font-mono text-xs break-all">{object}</span>
        {note ? <span className="block text-xs break-words text-muted">{note}</span> : null}
      </span>
    </li>
  );
  return (
    <section aria-labelledby="deleted-with-it" className="flex flex-col gap-1">
      <h3 id="deleted-with-it" className="text-[13px] font-semibold">
        Deleted with it
      </h3>
      <ul aria-labelledby="deleted-with-it" className="divide-y divide-line rounded border border-line px-3">
        {item("Configuration", name)}
        {item("Route", name, url ? `${url} stops answering` : undefined)}
        {revisions.map((r) => item("Revision", r.metadata.name ?? ""))}
      </ul>
      {revisions.length === 0 ? <p className="text-xs text-muted">It has no revisions yet.</p> : null}
    </section>
  );
}

"use client";

// The Delete Revision dialog, opened from a row of Revision Information (loaded with
// next/dynamic). It works from the Service and its revisions as the page has them, live: while
// anything depends on the revision (traffic, a tag, a pin, being the latest) it only says what,
// with Knative's consequences; otherwise it asks to confirm. The server checks again and answers
// 422 with the reasons when the state changed in between; those are shown as it gives them.

import { useQuery } from "@tanstack/react-query";
import { Ban } from "lucide-react";
import { ProblemList } from "@/components/revisions/create-revision/problem-list";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog } from "@/components/ui/dialog";
import { revisionDeletionBlockers } from "@/lib/knative/revision-deletion";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { useDeleteRevision } from "@/lib/queries/service-writes";
import { serviceQuery } from "@/lib/queries/services";
import { isInvalid, type StatusError } from "@/lib/queries/status";

export interface DeleteRevisionDialogProps {
  cluster: string;
  namespace: string;
  /** The Service the revision belongs to. */
  service: string;
  /** The revision to delete; null while the dialog is closed. */
  revision: string | null;
  onClose: () => void;
}

export function DeleteRevisionDialog(props: DeleteRevisionDialogProps) {
  return props.revision !== null ? <DeleteRevisionConfirmation {...props} revision={props.revision} /> : null;
}

/** The server's reasons, one per cause (the message says them all at once otherwise). */
function refusalReasons(error: StatusError): string[] {
  const reasons = isInvalid(error) ? error.causes.map((c) => c.message ?? "").filter(Boolean) : [];
  return reasons.length > 0 ? reasons : [error.status.message];
}

function DeleteRevisionConfirmation({ cluster, namespace, service: serviceName, revision: name, onClose }: DeleteRevisionDialogProps & { revision: string }) {
  const service = useQuery(serviceQuery(cluster, namespace, serviceName)).data;
  const revisions = useQuery(serviceRevisionsQuery(cluster, namespace, serviceName)).data;
  const revision = revisions?.items.find((r) => r.metadata.name === name);
  const mutation = useDeleteRevision({ cluster, namespace });

  // Someone else (kubectl, another browser) may delete it while the dialog is open.
  const gone = !!revisions && !revision && !mutation.isPending && !mutation.isSuccess;
  const blockers = service && revision ? revisionDeletionBlockers(revision, service) : [];
  const error = mutation.error;
  // Refused by the server: its reasons stand, even before the page has caught up with them.
  const refused = !!error && isInvalid(error);
  const deletable = !!service && !!revision && blockers.length === 0 && !refused && !mutation.isPending && !mutation.isSuccess;

  const remove = () => {
    if (!deletable) return;
    mutation.mutate({ revisionName: name }, { onSuccess: onClose });
  };

  const footer = deletable ? (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={onClose}>
        Cancel
      </button>
      <button type="button" className={buttonClass("danger")} onClick={remove}>
        Delete Revision
      </button>
    </>
  ) : (
    <button type="button" className={buttonClass("secondary")} onClick={onClose}>
      {mutation.isPending ? "Deleting…" : "Close"}
    </button>
  );

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Delete Revision"
      description={
        <>
          Revision <span className="font-mono text-xs text-ink">{name}</span> of {serviceName}
        </>
      }
      footer={footer}
    >
      <div className="flex flex-col gap-3">
        {error ? <ProblemList title="The revision was not deleted" messages={refusalReasons(error)} /> : null}
        {gone ? (
          <p role="status">This revision no longer exists.</p>
        ) : refused ? null : blockers.length > 0 ? (
          <Blockers name={name} blockers={blockers} />
        ) : (
          <p>
            Nothing routes to it: it has no traffic and no tag, the traffic split does not name it, and it is not the latest revision. Its pods stop, and it
            cannot be brought back; the same settings in a new revision get a new name.
          </p>
        )}
      </div>
    </Dialog>
  );
}

function Blockers({ name, blockers }: { name: string; blockers: string[] }) {
  return (
    <div role="alert" className="flex gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
      <Ban aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{name} cannot be deleted now</p>
        <ul className="mt-1 list-disc pl-4">
          {blockers.map((b) => (
            <li key={b} className="break-words">
              {b}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs">Split Traffic moves its traffic and tags to other revisions; the latest revision can go once a newer one exists.</p>
      </div>
    </div>
  );
}

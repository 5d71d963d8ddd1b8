"use client";

// Why Create did not go through, from the Status the console's server answered: the Service
// changed meanwhile (409, with a way to carry the inputs over to its current version), or the
// request was refused (400/422: the Status message here, each cause also next to its field by
// the dialog), or anything else (the Status message as it came).

import { RefreshCw } from "lucide-react";
import { buttonClass } from "@/components/ui/button-styles";
import { isConflict, isInvalid, type StatusError } from "@/lib/queries/status";
import { ProblemList } from "./problem-list";

export interface SubmitProblemProps {
  error: StatusError;
  serviceName: string;
  onUseCurrentVersion: () => void;
  rebasing: boolean;
  rebaseError?: string;
}

export function SubmitProblem({ error, serviceName, onUseCurrentVersion, rebasing, rebaseError }: SubmitProblemProps) {
  if (isConflict(error)) {
    return (
      <div role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
        <p className="font-medium">The Service changed since you opened this wizard</p>
        <p className="mt-0.5">
          Someone or something updated {serviceName} in the meantime, so nothing was created. Your inputs are kept: take the current version, check the
          split, and create again.
        </p>
        {rebaseError ? <p className="mt-1 text-red-700">{rebaseError}</p> : null}
        <button type="button" className={`${buttonClass("secondary")} mt-2`} onClick={onUseCurrentVersion} disabled={rebasing}>
          <RefreshCw aria-hidden className="size-3.5" />
          {rebasing ? "Loading the current version…" : "Use the current version"}
        </button>
      </div>
    );
  }
  const hint = isInvalid(error) ? "Each problem is also shown next to its field." : undefined;
  return (
    <ProblemList title="The revision was not created" messages={[error.status.message]}>
      {hint ? <p className="mt-1 text-xs">{hint}</p> : null}
    </ProblemList>
  );
}

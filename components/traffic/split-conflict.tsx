// A 409: the Service changed (kubectl, another browser, a controller) after the dialog opened,
// so nothing was written. The Service's current split is shown beside the user's, and the
// footer offers to re-apply the user's split on top of the current one or to start over from it.

import type { ReactNode } from "react";
import { trafficDiff } from "@/lib/knative/split-output";
import type { SplitState } from "@/lib/knative/split-state";
import type { TrafficTarget } from "@/lib/knative/types";
import { targetLook } from "./target-look";
import { TrafficDiffTable } from "./traffic-diff-table";
import { WriteFailure } from "./write-failure";

export function SplitConflict({
  state,
  current,
  mine,
  waiting,
  problem,
  failure,
}: {
  state: SplitState;
  /** The Service's spec.traffic now. */
  current: TrafficTarget[];
  /** The user's split built on it: what "Re-apply my split" sends. */
  mine: TrafficTarget[];
  /** The page has not received the newer Service yet. */
  waiting: boolean;
  /** Why the user's split cannot be re-applied as it is, if it cannot. */
  problem?: string;
  failure?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3">
      <WriteFailure title="The Service changed since you opened this dialog" message="Nothing was changed: someone else (kubectl, another browser, a controller) updated the Service first. Compare its current split with yours." />
      {failure}
      {waiting ? (
        <p role="status" className="text-muted">
          Reading the Service&apos;s current split…
        </p>
      ) : (
        <TrafficDiffTable rows={trafficDiff(current, mine)} labels={{ table: "Current split and yours", before: "Current split", after: "Your split" }} {...targetLook(state)} />
      )}
      {problem ? <p className="text-[13px] text-red-700">Your split cannot be re-applied as it is: {problem}</p> : null}
    </div>
  );
}

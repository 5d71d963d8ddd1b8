// The review before the write: what spec.traffic becomes, what the model warns about, and the
// kubectl and kn commands that make the same change.

import type { ReactNode } from "react";
import { trafficDiff } from "@/lib/knative/split-output";
import type { SplitState } from "@/lib/knative/split-state";
import type { SplitWarning } from "@/lib/knative/split-warnings";
import type { TrafficTarget } from "@/lib/knative/types";
import { knTrafficCommand, knTrafficLimitation, kubectlPatchCommand } from "@/lib/knative/traffic-commands";
import { targetLook } from "./target-look";
import { TrafficCommandsPanel } from "./traffic-commands-panel";
import { TrafficDiffTable } from "./traffic-diff-table";
import { SplitWarningsList } from "./split-warnings-list";

export function SplitReview({
  namespace,
  service,
  state,
  traffic,
  warnings,
  failure,
}: {
  namespace: string;
  service: string;
  state: SplitState;
  /** The spec.traffic OK sends. */
  traffic: TrafficTarget[];
  warnings: SplitWarning[];
  /** A write that failed for a reason other than the split itself. */
  failure?: ReactNode;
}) {
  const look = targetLook(state);
  return (
    <div className="flex flex-col gap-4">
      {failure}
      <section aria-labelledby="split-review-heading" className="flex flex-col gap-2">
        <h3 id="split-review-heading" className="text-[13px] font-semibold">
          Change to spec.traffic
        </h3>
        <TrafficDiffTable
          rows={trafficDiff(state.currentTraffic, traffic)}
          labels={{ table: "Change to spec.traffic", before: "Now", after: "After" }}
          {...look}
        />
      </section>
      <SplitWarningsList warnings={warnings} />
      <TrafficCommandsPanel kubectl={kubectlPatchCommand(namespace, service, traffic)} kn={knTrafficCommand(namespace, service, state)} knLimitation={knTrafficLimitation(state)} />
    </div>
  );
}

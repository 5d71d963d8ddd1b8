// How a target of a before/after table is named and coloured: as its row in the editor (the
// latest-revision target as "Latest revision (currently X)", striped in X's colour).

import { revisionColor } from "@/components/revisions/revision-color";
import type { TrafficDiffRow } from "@/lib/knative/split-output";
import { findRow, rowLabel, type SplitState } from "@/lib/knative/split-state";
import { rowColor } from "./row-swatch";

export function targetLook(state: SplitState) {
  return {
    targetLabel: (target: TrafficDiffRow) => {
      const row = findRow(state, target.id);
      return row ? rowLabel(state, row) : target.id;
    },
    targetColor: (target: TrafficDiffRow) => {
      const row = findRow(state, target.id);
      return row ? rowColor(state, row) : revisionColor(target.id);
    },
  };
}

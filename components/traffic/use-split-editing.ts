"use client";

// The dialog's split and the edits the user makes to it, through the pure model in lib/knative.
// A slider drag rebalances from the state at the start of the drag (as split-editing.ts asks),
// so rows that pass through 0 % on the way come back when the thumb does.

import { useRef, useState } from "react";
import { distributeEvenly, setPercent, setPercentFree, setTag, toggleLock } from "@/lib/knative/split-editing";
import { promote } from "@/lib/knative/split-shortcuts";
import { findRow, type SplitState } from "@/lib/knative/split-state";

export interface SplitEditing {
  state: SplitState;
  /** The row last typed into, whose value "Balance the others" keeps. */
  lastTyped: string | undefined;
  /** Slider moves: the others follow so the total stays 100. */
  slide: (rowId: string, value: number) => void;
  startDrag: (rowId: string) => void;
  endDrag: () => void;
  /** Number box typing: only this row changes. */
  type: (rowId: string, value: number) => void;
  /** Keeps the last typed row and rebalances the others to make 100. */
  balance: () => void;
  tag: (rowId: string, tag: string) => void;
  lock: (rowId: string) => void;
  evenly: () => void;
  promote: (rowId: string) => void;
  /** Replaces the whole split (Roll back, Start over). */
  replace: (next: SplitState) => void;
}

export function useSplitEditing(initial: () => SplitState, onEdit: () => void): SplitEditing {
  const [state, setState] = useState(initial);
  const [lastTyped, setLastTyped] = useState<string | undefined>();
  const drag = useRef<{ rowId: string; start: SplitState } | null>(null);

  const edit = (f: (s: SplitState) => SplitState) => {
    onEdit();
    setState(f);
  };

  return {
    state,
    lastTyped,
    slide: (rowId, value) => {
      const start = drag.current?.rowId === rowId ? drag.current.start : undefined;
      edit((s) => setPercent(start ?? s, rowId, value));
    },
    startDrag: (rowId) => {
      drag.current = { rowId, start: state };
    },
    endDrag: () => {
      drag.current = null;
    },
    type: (rowId, value) => {
      setLastTyped(rowId);
      edit((s) => setPercentFree(s, rowId, value));
    },
    balance: () =>
      edit((s) => {
        const row = lastTyped ? findRow(s, lastTyped) : undefined;
        return row && !row.locked ? setPercent(s, row.id, row.percent) : distributeEvenly(s);
      }),
    tag: (rowId, tag) => edit((s) => setTag(s, rowId, tag)),
    lock: (rowId) => edit((s) => toggleLock(s, rowId)),
    evenly: () => edit(distributeEvenly),
    promote: (rowId) => edit((s) => promote(s, rowId)),
    replace: (next) => {
      drag.current = null;
      setLastTyped(undefined);
      edit(() => next);
    },
  };
}

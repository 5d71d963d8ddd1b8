// The dialog's buttons for each step. OK stays disabled, with the reason beside it, until the
// split is one the webhook accepts and differs from the Service's.

import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";

export type SplitStep = "edit" | "review" | "conflict";

export interface SplitFooterProps {
  step: SplitStep;
  pending: boolean;
  /** Why OK is disabled, if it is; a notice (nothing changed yet) rather than a problem. */
  okBlocked?: { text: string; notice?: boolean };
  /** Why "Re-apply my split" is disabled, if it is. */
  reapplyBlocked?: string;
  /** The page has not received the newer Service yet: neither conflict answer can use it. */
  waitingForLive: boolean;
  onCancel: () => void;
  onOk: () => void;
  onBack: () => void;
  onApply: () => void;
  onReapply: () => void;
  onStartOver: () => void;
}

export function SplitFooter(p: SplitFooterProps) {
  if (p.step === "edit") {
    return (
      <>
        <Reason id="split-ok-reason" text={p.okBlocked?.text} notice={p.okBlocked?.notice} />
        <Cancel onClick={p.onCancel} />
        <button type="button" className={buttonClass("primary")} disabled={!!p.okBlocked} aria-describedby={p.okBlocked ? "split-ok-reason" : undefined} onClick={p.onOk}>
          OK
        </button>
      </>
    );
  }
  if (p.step === "review") {
    return (
      <>
        <button type="button" className={`${buttonClass("secondary")} mr-auto`} onClick={p.onBack} disabled={p.pending}>
          Back
        </button>
        <Cancel onClick={p.onCancel} />
        <button type="button" className={buttonClass("primary")} onClick={p.onApply} disabled={p.pending}>
          {p.pending ? "Applying…" : "Apply split"}
        </button>
      </>
    );
  }
  return (
    <>
      <Reason id="split-reapply-reason" text={p.reapplyBlocked} />
      <Cancel onClick={p.onCancel} />
      <button type="button" className={buttonClass("secondary")} onClick={p.onStartOver} disabled={p.pending || p.waitingForLive}>
        Start over from the current split
      </button>
      <button
        type="button"
        className={buttonClass("primary")}
        onClick={p.onReapply}
        disabled={p.pending || !!p.reapplyBlocked}
        aria-describedby={p.reapplyBlocked ? "split-reapply-reason" : undefined}
      >
        {p.pending ? "Applying…" : "Re-apply my split"}
      </button>
    </>
  );
}

function Cancel({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className={buttonClass("secondary")} onClick={onClick}>
      Cancel
    </button>
  );
}

function Reason({ id, text, notice }: { id: string; text: string | undefined; notice?: boolean }): ReactNode {
  // Always rendered, so the reason is announced when it changes and the buttons do not jump.
  // Long webhook messages are clamped here; the row they are about shows them whole.
  return (
    <span id={id} aria-live="polite" title={text} className={cn("mr-auto line-clamp-2 min-w-0 text-[13px]", notice ? "text-muted" : "text-red-700")}>
      {text}
    </span>
  );
}

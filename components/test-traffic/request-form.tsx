"use client";

// The controls of Send requests: where to (the Service URL or a tag URL, shown as the URL), how
// many (a count, or a rate for a duration), Send and Stop. A number outside the bounds is shown
// as a problem under its box and keeps Send disabled; nothing is clamped behind the user's back.
// Keyboard: Send moves the focus to Stop, and the end of the run moves it back to Send.

import { useEffect, useRef } from "react";
import { SelectField, TextField } from "@/components/ui/form-field";
import { buttonClass } from "@/components/ui/button-styles";
import type { RequestTarget } from "@/lib/knative/request-targets";
import { REQUEST_BOUNDS } from "@/lib/queries/test-traffic";
import { draftProblems, type DraftField, type Mode, type RequestDraft } from "./request-draft";

export function targetLabel(t: RequestTarget): string {
  return t.tag === undefined ? `Service URL: ${t.url}` : `Tag ${t.tag}: ${t.url}`;
}

const MODES: Array<{ mode: Mode; label: string }> = [
  { mode: "count", label: "A number of requests" },
  { mode: "rate", label: "A rate, for a duration" },
];

interface RequestFormProps {
  draft: RequestDraft;
  onDraftChange: (draft: RequestDraft) => void;
  targets: readonly RequestTarget[];
  active: boolean;
  onSend: () => void;
  onStop: () => void;
}

export function RequestForm({ draft, onDraftChange, targets, active, onSend, onStop }: RequestFormProps) {
  const problems = draftProblems(draft, targets);
  const canSend = Object.keys(problems).length === 0 && !active;
  const sendButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const wasActive = useRef(active);
  useEffect(() => {
    // A focused button that turns disabled loses the focus to <body> (or keeps it, uselessly).
    const lost = (button: HTMLButtonElement | null) => document.activeElement === button || document.activeElement === document.body;
    if (active && !wasActive.current && lost(sendButton.current)) stopButton.current?.focus();
    if (!active && wasActive.current && lost(stopButton.current)) sendButton.current?.focus();
    wasActive.current = active;
  }, [active]);

  const number = (field: DraftField, label: string, range: string) => (
    <TextField
      label={label}
      className="w-40"
      hint={problems[field] ? undefined : range}
      inputMode="numeric"
      autoComplete="off"
      value={draft[field]}
      onChange={(e) => onDraftChange({ ...draft, [field]: e.target.value })}
      errors={problems[field] ? [problems[field]!] : undefined}
    />
  );

  return (
    <form
      aria-label="Send requests"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSend();
      }}
    >
      <fieldset disabled={active} className="contents">
        <SelectField
          label="Target"
          className="max-w-[40rem]"
          value={draft.targetKey}
          onChange={(e) => onDraftChange({ ...draft, targetKey: e.target.value })}
          options={targets.map((t) => ({ value: t.key, label: targetLabel(t) }))}
          errors={problems.target ? [problems.target] : undefined}
          hint={
            <>
              Sent to the cluster&apos;s ingress gateway with this host, as <span className="font-mono">curl -H &quot;Host: …&quot; http://&lt;gateway&gt;/</span> does.
            </>
          }
        />
      </fieldset>
      <div className="flex flex-wrap items-start gap-x-5 gap-y-3">
        <fieldset disabled={active} className="flex flex-wrap items-start gap-x-5 gap-y-3">
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-[13px] text-muted">Send</legend>
            <div className="flex h-8 items-center gap-4">
              {MODES.map((m) => (
                <label key={m.mode} className="flex items-center gap-1.5 text-[13px] whitespace-nowrap">
                  <input type="radio" name="send-mode" value={m.mode} checked={draft.mode === m.mode} onChange={() => onDraftChange({ ...draft, mode: m.mode })} className="accent-brand" />
                  {m.label}
                </label>
              ))}
            </div>
          </fieldset>
          {draft.mode === "count" ? (
            number("count", "Requests", `1 to ${REQUEST_BOUNDS.count.max}`)
          ) : (
            <>
              {number("perSecond", "Requests per second", `1 to ${REQUEST_BOUNDS.perSecond.max}`)}
              {number("durationSeconds", "Duration (seconds)", `1 to ${REQUEST_BOUNDS.durationSeconds.max}`)}
            </>
          )}
        </fieldset>
        <div className="flex items-center gap-2 pt-[1.4rem]">
          <button ref={sendButton} type="submit" className={buttonClass("primary")} disabled={!canSend}>
            Send
          </button>
          <button ref={stopButton} type="button" className={buttonClass("secondary")} disabled={!active} onClick={onStop}>
            Stop
          </button>
        </div>
      </div>
    </form>
  );
}

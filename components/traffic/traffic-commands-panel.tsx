// The same change from a terminal: the `kubectl patch` that sets this spec.traffic, and the
// `kn service update` flags that reach the same split, each with a copy button. When kn cannot
// say it (a revision named like another target's tag), the reason replaces the kn line.

import { CopyButton } from "@/components/ui/copy-button";

export function TrafficCommandsPanel({ kubectl, kn, knLimitation }: { kubectl: string; kn: string; knLimitation?: string }) {
  return (
    <section aria-labelledby="split-commands-heading" className="flex flex-col gap-2">
      <h3 id="split-commands-heading" className="text-[13px] font-semibold">
        The same change from the command line
      </h3>
      <Command label="kubectl" copyLabel="Copy kubectl command" text={kubectl} />
      {knLimitation ? (
        <p className="text-xs text-muted">
          <span className="font-medium text-ink">kn: </span>
          {knLimitation}
        </p>
      ) : (
        <Command label="kn" copyLabel="Copy kn command" text={kn} />
      )}
    </section>
  );
}

function Command({ label, copyLabel, text }: { label: string; copyLabel: string; text: string }) {
  return (
    <figure aria-label={label} className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <span aria-hidden className="font-mono text-xs text-muted">
          {label}
        </span>
        <CopyButton text={text} label={copyLabel} className="px-2 py-0.5 text-xs" />
      </div>
      <pre className="rounded border border-line bg-slate-50 px-2.5 py-1.5 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">{text}</pre>
    </figure>
  );
}

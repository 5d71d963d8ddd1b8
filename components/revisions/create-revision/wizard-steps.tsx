import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";

export const STEPS = ["Basic Information", "Traffic Splitting Settings"] as const;

/** Where the user is in the wizard: numbered steps, the current one marked for assistive tech too. */
export function WizardSteps({ current }: { current: number }) {
  return (
    <ol aria-label="Steps" className="mb-4 flex items-center gap-3 border-b border-line pb-3">
      {STEPS.map((title, i) => {
        const done = i < current;
        const active = i === current;
        return (
          <li key={title} aria-current={active ? "step" : undefined} className="flex items-center gap-2">
            {i > 0 ? <span aria-hidden className="h-px w-10 bg-line" /> : null}
            <span
              aria-hidden
              className={cn(
                "flex size-5 items-center justify-center rounded-full text-xs font-medium",
                active ? "bg-brand text-white" : done ? "bg-blue-50 text-brand ring-1 ring-brand" : "bg-slate-100 text-muted",
              )}
            >
              {done ? <Check className="size-3" /> : i + 1}
            </span>
            <span className={cn(active ? "font-medium text-ink" : "text-muted")}>{title}</span>
          </li>
        );
      })}
    </ol>
  );
}

import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";

/** Problems that belong to no single control, or a refusal, at the top of a step. */
export function ProblemList({ title, messages, children }: { title: string; messages?: readonly string[]; children?: ReactNode }) {
  return (
    <div role="alert" className="mb-4 flex gap-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{title}</p>
        {messages?.length ? (
          <ul className="mt-1 flex flex-col gap-0.5 text-xs break-words">
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

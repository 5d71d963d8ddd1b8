// Why the cluster (or the console's server) refused or failed the write, in its own Status
// words: the message, then each cause that no row of the table owns.

import { XCircle } from "lucide-react";
import type { ReactNode } from "react";

export function WriteFailure({ title, message, details = [], children }: { title: string; message: string; details?: string[]; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-[13px] text-red-900">
      <p className="flex items-start gap-2 font-medium">
        <XCircle aria-hidden className="mt-0.5 size-3.5 shrink-0 text-red-600" />
        {title}
      </p>
      <p className="mt-0.5 ml-5.5 break-words">{message}</p>
      {details.length > 0 ? (
        <ul className="mt-1 ml-5.5 list-disc pl-4">
          {details.map((d) => (
            <li key={d} className="break-words">
              {d}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

import type { ReactNode } from "react";
import { Inbox } from "lucide-react";

export function EmptyState({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
      <span aria-hidden className="text-slate-300">
        {icon ?? <Inbox className="size-10" strokeWidth={1.25} />}
      </span>
      <p className="font-medium">{title}</p>
      {children ? <div className="max-w-md text-muted">{children}</div> : null}
    </div>
  );
}

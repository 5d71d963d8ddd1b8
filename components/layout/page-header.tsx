import type { ReactNode } from "react";

/**
 * The resource's name, its status and, in the upper-right corner, its actions (the Service page's
 * Create Revision and Split Traffic).
 */
export function PageHeader({ title, status, actions, description }: { title: string; status?: ReactNode; actions?: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-4 flex items-start justify-between gap-4">
      <div className="min-w-0">
        <div className="flex items-center gap-3">
          <h1 className="truncate text-xl font-semibold">{title}</h1>
          {status}
        </div>
        {description ? <p className="mt-1 text-muted">{description}</p> : null}
      </div>
      <div data-slot="page-actions" className="flex shrink-0 items-center gap-2">
        {actions}
      </div>
    </div>
  );
}

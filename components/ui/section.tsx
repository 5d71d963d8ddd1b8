import type { ReactNode } from "react";
import { cn } from "./cn";

/** A white card with a heading: the unit of every detail page. */
export function Section({
  title,
  actions,
  children,
  className,
  flush,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Content touches the card's edges (tables). */
  flush?: boolean;
}) {
  const id = typeof title === "string" ? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` : undefined;
  return (
    <section aria-labelledby={id} className={cn("rounded-md border border-line bg-white", className)}>
      <header className="flex items-center justify-between gap-4 border-b border-line px-4 py-2.5">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      <div className={flush ? "" : "p-4"}>{children}</div>
    </section>
  );
}

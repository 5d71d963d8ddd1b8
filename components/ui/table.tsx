import type { ComponentProps, ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "./cn";

/** Dense data tables, ACK style: grey header row, thin row lines, 13px text. */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full border-collapse text-[13px]", className)} {...props} />
    </div>
  );
}

export function THead(props: ComponentProps<"thead">) {
  return <thead className="bg-slate-50 text-left text-muted" {...props} />;
}

export function TH({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("border-b border-line px-3 py-2 font-medium whitespace-nowrap", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-line last:border-b-0 hover:bg-slate-50/70", className)} {...props} />;
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-middle", className)} {...props} />;
}

export type SortDirection = "asc" | "desc" | false;

/** A header cell that sorts its column; aria-sort tells assistive tech the current order. */
export function SortableTH({
  children,
  direction,
  onSort,
  className,
}: {
  children: ReactNode;
  direction: SortDirection;
  onSort: () => void;
  className?: string;
}) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <TH className={className} aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}>
      <button type="button" onClick={onSort} className="inline-flex items-center gap-1 rounded hover:text-ink">
        {children}
        <Icon aria-hidden className={cn("size-3.5", direction ? "text-ink" : "opacity-40")} />
      </button>
    </TH>
  );
}

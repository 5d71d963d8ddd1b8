"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LayoutGrid, Server } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

function NavLink({ href, active, icon, children, indent }: { href: string; active: boolean; icon?: ReactNode; children: ReactNode; indent?: boolean }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2 rounded px-3 py-1.5 text-[13px]",
        indent && "pl-8",
        active ? "bg-blue-50 font-medium text-brand" : "text-ink hover:bg-slate-100",
      )}
    >
      {icon}
      {children}
    </Link>
  );
}

/** Clusters always; inside a cluster, its Applications › Knative. */
export function SideNav({ cluster }: { cluster?: { id: string; name: string } }) {
  const pathname = usePathname();
  const base = cluster ? `/clusters/${encodeURIComponent(cluster.id)}` : "";
  return (
    <nav aria-label="Console" className="w-56 shrink-0 border-r border-line bg-white px-2 py-3">
      <NavLink href="/clusters" active={pathname === "/clusters"} icon={<Server aria-hidden className="size-4" />}>
        Clusters
      </NavLink>
      {cluster ? (
        <div className="mt-4">
          <p className="truncate px-3 pb-1 text-xs font-medium text-muted" title={cluster.name}>
            {cluster.name}
          </p>
          <p className="flex items-center gap-2 px-3 py-1.5 text-[13px] text-muted">
            <LayoutGrid aria-hidden className="size-4" />
            Applications
          </p>
          <NavLink href={`${base}/knative`} active={pathname.startsWith(`${base}/knative`)} indent>
            Knative
          </NavLink>
        </div>
      ) : null}
    </nav>
  );
}

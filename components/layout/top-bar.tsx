import Link from "next/link";
import { Boxes } from "lucide-react";
import type { ClusterSummary } from "@/lib/queries/api-types";
import { ClusterIndicator } from "@/components/live/cluster-indicator";
import { SessionMenu } from "@/components/auth/session-menu";

export function TopBar({ cluster }: { cluster?: ClusterSummary }) {
  return (
    <header className="flex h-12 items-center gap-4 bg-[#1f2633] px-4 text-white">
      <Link href="/clusters" className="flex items-center gap-2 font-semibold tracking-tight">
        <Boxes aria-hidden className="size-5 text-sky-400" />
        Knative Console
      </Link>
      {cluster ? (
        <>
          <span aria-hidden className="h-5 w-px bg-white/20" />
          <div className="flex items-center gap-2 text-[13px]" aria-label="Current cluster">
            <span className="text-white/60">Cluster</span>
            <Link href={`/clusters/${encodeURIComponent(cluster.id)}/knative`} className="font-medium hover:underline">
              {cluster.name}
            </Link>
            <ClusterIndicator />
          </div>
        </>
      ) : null}
      <SessionMenu />
    </header>
  );
}

import type { ReactNode } from "react";
import type { ClusterSummary } from "@/lib/queries/api-types";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

/** The console's frame: top bar, left navigation, and the page. */
export function AppFrame({ cluster, banner, children }: { cluster?: ClusterSummary; banner?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <TopBar cluster={cluster} />
      <div className="flex flex-1">
        <SideNav cluster={cluster ? { id: cluster.id, name: cluster.name } : undefined} />
        <main id="main" className="min-w-0 flex-1 px-6 py-4">
          {banner}
          {children}
        </main>
      </div>
    </div>
  );
}

"use client";

// YamlView, loaded only when it is first shown: with the `yaml` library it is some 35 kB of gzip,
// a sixth of what the Revision page loaded when it was eager (budget: scripts/bundle-budgets.ts),
// for a view most visits never open. `ssr: false` because nothing renders it before a click.

import { AlertTriangle } from "lucide-react";
import dynamic from "next/dynamic";
import { buttonClass } from "@/components/ui/button-styles";
import { Skeleton } from "@/components/ui/skeleton";
import type { YamlView } from "./yaml-view";

type YamlViewProps = Parameters<typeof YamlView>[0];

/** Starts fetching the chunk ahead of a click (hover, focus); the later import() reuses it. */
export function preloadYamlView(): void {
  void import("./yaml-view").catch(() => {
    // LazyYamlView's own import reports the failure when the view is asked for.
  });
}

/** The view's shape while its chunk loads: the copy and download buttons, then lines of text. */
function YamlViewSkeleton() {
  return (
    <div role="status" aria-label="Loading YAML">
      <div className="flex justify-end gap-2 border-b border-line px-3 py-2">
        <Skeleton className="h-7 w-24" />
        <Skeleton className="h-7 w-24" />
      </div>
      <div className="flex flex-col gap-2 bg-slate-50 p-4">
        {["w-1/4", "w-1/3", "w-1/2", "w-2/5", "w-1/3", "w-1/2"].map((width, i) => (
          <Skeleton key={i} className={`h-3 ${width}`} />
        ))}
      </div>
    </div>
  );
}

/**
 * The view's code did not arrive (the console server stopped, or a new build renamed its chunks).
 * next/dynamic keeps that answer for the page, so reloading the page is the way to try again.
 */
function YamlViewUnavailable({ error }: { error: unknown }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-6 py-8 text-center">
      <AlertTriangle aria-hidden className="size-8 text-red-400" />
      <p className="font-medium text-ink">The YAML view could not be loaded</p>
      <p className="max-w-xl break-words text-muted">{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" onClick={() => window.location.reload()} className={`${buttonClass()} mt-2`}>
        Reload the page
      </button>
    </div>
  );
}

export const LazyYamlView = dynamic<YamlViewProps>(
  () =>
    import("./yaml-view")
      .then((m) => m.YamlView)
      .catch((error: unknown) => {
        const Unavailable = () => <YamlViewUnavailable error={error} />;
        return Unavailable;
      }),
  { ssr: false, loading: () => <YamlViewSkeleton /> },
);

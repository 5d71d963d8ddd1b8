"use client";

// The Send requests section of the Service page, under the split it tests. The panel is its own
// chunk, fetched once the page has loaded, so the page's first load carries only this frame; the
// placeholder has the form's height, so nothing below it moves when the panel arrives.

import dynamic from "next/dynamic";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import type { Service } from "@/lib/knative/types";

function PanelPlaceholder() {
  return (
    <div role="status" aria-label="Loading Send requests" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-5">
        <Skeleton className="h-8 w-[27rem]" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-8 w-28" />
      </div>
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-20 w-full" />
    </div>
  );
}

const SendRequestsPanel = dynamic(() => import("./send-requests-panel").then((m) => m.SendRequestsPanel), { ssr: false, loading: PanelPlaceholder });

export function SendRequestsSection({ cluster, namespace, service }: { cluster: string; namespace: string; service: Service }) {
  return (
    <Section title="Send requests">
      <SendRequestsPanel cluster={cluster} namespace={namespace} service={service} />
    </Section>
  );
}

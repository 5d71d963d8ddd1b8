"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { usePathname, useSearchParams } from "next/navigation";
import { ServicesTab } from "@/components/services/services-tab";
import { ComponentsTable } from "./components-table";
import { parseKnativeTab } from "./knative-tab";

const TRIGGER =
  "-mb-px border-b-2 border-transparent px-4 py-2.5 text-[13px] text-muted hover:text-ink data-[state=active]:border-brand data-[state=active]:font-medium data-[state=active]:text-brand";

/** ACK's Knative page: Components and Services tabs; the tab lives in the URL. */
export function KnativeTabs({ cluster, defaultNamespace }: { cluster: string; defaultNamespace: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const tab = parseKnativeTab(searchParams.get("tab"));

  const select = (value: string) => {
    const params = new URLSearchParams(searchParams);
    params.set("tab", value);
    window.history.pushState(null, "", `${pathname}?${params.toString()}`);
  };

  return (
    <Tabs.Root value={tab} onValueChange={select} className="rounded-md border border-line bg-white">
      <Tabs.List aria-label="Knative" className="flex border-b border-line px-2">
        <Tabs.Trigger value="components" className={TRIGGER}>
          Components
        </Tabs.Trigger>
        <Tabs.Trigger value="services" className={TRIGGER}>
          Services
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="components" className="focus-visible:outline-none">
        <ComponentsTable cluster={cluster} />
      </Tabs.Content>
      <Tabs.Content value="services" className="focus-visible:outline-none">
        <ServicesTab cluster={cluster} defaultNamespace={defaultNamespace} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

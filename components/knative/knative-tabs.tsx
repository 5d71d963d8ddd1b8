"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { ServicesTab } from "@/components/services/services-tab";
import { Tabs } from "@/components/ui/tabs";
import { ComponentsTable } from "./components-table";
import { type KnativeTab, parseKnativeTab } from "./knative-tab";

/** ACK's Knative page: Components and Services tabs; the tab lives in the URL. */
export function KnativeTabs({ cluster, defaultNamespace }: { cluster: string; defaultNamespace: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const tab = parseKnativeTab(searchParams.get("tab"));

  const select = (value: KnativeTab) => {
    const params = new URLSearchParams(searchParams);
    params.set("tab", value);
    window.history.pushState(null, "", `${pathname}?${params.toString()}`);
  };

  return (
    <Tabs<KnativeTab>
      label="Knative"
      value={tab}
      onChange={select}
      className="rounded-md border border-line bg-white"
      items={[
        { value: "components", label: "Components", content: <ComponentsTable cluster={cluster} /> },
        { value: "services", label: "Services", content: <ServicesTab cluster={cluster} defaultNamespace={defaultNamespace} /> },
      ]}
    />
  );
}

"use client";

// The Services tab's Create Service button. The dialog is its own chunk, fetched when the
// pointer or the focus reaches the button and mounted on the first click (next/dynamic), so the
// tab's first load carries only the button.

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { PermittedButton } from "@/components/access/permitted-button";
import { buttonClass } from "@/components/ui/button-styles";
import { useAccess } from "@/lib/queries/access";

const loadDialog = () => import("@/components/services/create-service-dialog");
const CreateServiceDialog = dynamic(() => loadDialog().then((m) => m.CreateServiceDialog), { ssr: false });

export function CreateServiceButton({ cluster, namespace }: { cluster: string; namespace: string }) {
  const [open, setOpen] = useState(false);
  // Mounted once opened, and kept, so reopening is instant.
  const [used, setUsed] = useState(false);
  const denial = useAccess(cluster, namespace).denial("createService", `create a Service in namespace ${namespace}`);
  return (
    <>
      <PermittedButton
        denial={denial}
        className={buttonClass("primary")}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <Plus aria-hidden className="size-3.5" />
        Create Service
      </PermittedButton>
      {used ? <CreateServiceDialog cluster={cluster} namespace={namespace} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}

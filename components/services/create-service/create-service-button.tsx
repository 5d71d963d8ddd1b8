"use client";

// The Services tab's Create Service button. The dialog is its own chunk, fetched when the
// pointer or the focus reaches the button and mounted on the first click (next/dynamic), so the
// tab's first load carries only the button.

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";

const loadDialog = () => import("@/components/services/create-service-dialog");
const CreateServiceDialog = dynamic(() => loadDialog().then((m) => m.CreateServiceDialog), { ssr: false });

export function CreateServiceButton({ cluster, namespace }: { cluster: string; namespace: string }) {
  const [open, setOpen] = useState(false);
  // Mounted once opened, and kept, so reopening is instant.
  const [used, setUsed] = useState(false);
  return (
    <>
      <button
        type="button"
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
      </button>
      {used ? <CreateServiceDialog cluster={cluster} namespace={namespace} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}

"use client";

// The Service page's upper-right actions. Each dialog is its own chunk, fetched when the user
// first opens it (next/dynamic), so the page's first load carries only these buttons.

import dynamic from "next/dynamic";
import { useState } from "react";
import { PermittedButton } from "@/components/access/permitted-button";
import { UnrecordedNote } from "@/components/access/unrecorded-note";
import { buttonClass } from "@/components/ui/button-styles";
import { useAccess } from "@/lib/queries/access";
import type { Revision, Service } from "@/lib/knative/types";

const CreateRevisionWizard = dynamic(() => import("@/components/revisions/create-revision-wizard").then((m) => m.CreateRevisionWizard), { ssr: false });
const SplitTrafficDialog = dynamic(() => import("@/components/traffic/split-traffic-dialog").then((m) => m.SplitTrafficDialog), { ssr: false });
const DeleteServiceDialog = dynamic(() => import("./delete-service-dialog").then((m) => m.DeleteServiceDialog), { ssr: false });

export interface ServiceDialogProps {
  cluster: string;
  namespace: string;
  service: Service;
  /** The Service's revisions, as the page shows them. */
  revisions: Revision[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Open = "create-revision" | "split-traffic" | "delete-service" | null;

export function ServiceActions({ cluster, namespace, service, revisions }: Omit<ServiceDialogProps, "open" | "onOpenChange">) {
  const [open, setOpen] = useState<Open>(null);
  // Mounted once opened, and kept, so closing animates and reopening is instant.
  const [used, setUsed] = useState<Set<Exclude<Open, null>>>(new Set());
  const show = (which: Exclude<Open, null>) => {
    setUsed((u) => new Set(u).add(which));
    setOpen(which);
  };
  const props = (which: Exclude<Open, null>) => ({ cluster, namespace, service, revisions, open: open === which, onOpenChange: (o: boolean) => setOpen(o ? which : null) });
  const { denial, allows } = useAccess(cluster, namespace);
  const mayChange = allows("splitTraffic") || allows("createRevision") || allows("deleteService");
  const unrecorded = mayChange ? denial("recordChanges", "record your changes in the audit trail") : undefined;
  return (
    <>
      {unrecorded ? <UnrecordedNote reason={unrecorded} /> : null}
      <PermittedButton aria-haspopup="dialog" className={`${buttonClass("secondary")} text-red-700`} denial={denial("deleteService", "delete this Service")} onClick={() => show("delete-service")}>
        Delete
      </PermittedButton>
      <PermittedButton className={buttonClass("secondary")} denial={denial("splitTraffic", "change this Service")} onClick={() => show("split-traffic")}>
        Split Traffic
      </PermittedButton>
      <PermittedButton className={buttonClass("primary")} denial={denial("createRevision", "create a revision of this Service")} onClick={() => show("create-revision")}>
        Create Revision
      </PermittedButton>
      {used.has("create-revision") ? <CreateRevisionWizard {...props("create-revision")} /> : null}
      {used.has("split-traffic") ? <SplitTrafficDialog {...props("split-traffic")} /> : null}
      {used.has("delete-service") ? <DeleteServiceDialog {...props("delete-service")} /> : null}
    </>
  );
}

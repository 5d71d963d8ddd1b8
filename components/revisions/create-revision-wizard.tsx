"use client";

// The Create Revision wizard, opened from the Service page (loaded there with next/dynamic, so
// none of this is in the page's first load). Each opening works from the Service and revisions
// as they are at that moment; the steps themselves are in ./create-revision/.

import { useCallback, useState } from "react";
import type { ServiceDialogProps } from "@/components/services/service-actions";
import type { Revision, Service } from "@/lib/knative/types";
import { CreatedNotice } from "./create-revision/created-notice";
import { RevisionWizardDialog } from "./create-revision/revision-wizard-dialog";

interface Opened {
  service: Service;
  revisions: Revision[];
}

export function CreateRevisionWizard({ cluster, namespace, service, revisions, open, onOpenChange }: ServiceDialogProps) {
  // Taken when the dialog opens and dropped when it closes (React's way to reset state from a
  // prop change during render), so a reopened wizard starts afresh from the current Service.
  const [opened, setOpened] = useState<Opened | null>(null);
  if (open && !opened) setOpened({ service, revisions });
  if (!open && opened) setOpened(null);

  const [created, setCreated] = useState<{ revisionName: string; percent: number } | null>(null);
  const dismiss = useCallback(() => setCreated(null), []);

  return (
    <>
      {open && opened ? (
        <RevisionWizardDialog
          cluster={cluster}
          namespace={namespace}
          opened={opened}
          onOpenChange={onOpenChange}
          onCreated={(revisionName, percent) => {
            setCreated({ revisionName, percent });
            onOpenChange(false);
          }}
        />
      ) : null}
      {created ? <CreatedNotice revisionName={created.revisionName} percent={created.percent} onDismiss={dismiss} /> : null}
    </>
  );
}

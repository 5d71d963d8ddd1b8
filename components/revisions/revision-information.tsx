"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { PermittedButton } from "@/components/access/permitted-button";
import { Hint } from "@/components/ui/tooltip";
import { revisionDeletionBlockers } from "@/lib/knative/revision-deletion";
import { useAccess } from "@/lib/queries/access";
import { serviceRevisionsQuery } from "@/lib/queries/revisions";
import { serviceQuery } from "@/lib/queries/services";
import { RevisionName } from "./revision-name";
import type { RevisionRow } from "./revision-row";

// Its own chunk, fetched on the first Delete, so the Service page's first load carries only the buttons.
const DeleteRevisionDialog = dynamic(() => import("./delete-revision-dialog").then((m) => m.DeleteRevisionDialog), { ssr: false });

const SHOWN_ENV = 2;

function EnvCell({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="text-muted">-</span>;
  const shown = lines.slice(0, SHOWN_ENV);
  const more = lines.length - shown.length;
  return (
    <div className="font-mono text-xs">
      {shown.map((l) => (
        <div key={l} className="max-w-44 truncate" title={l}>
          {l}
        </div>
      ))}
      {more > 0 ? (
        <Hint focusable={false} content={<pre className="font-mono whitespace-pre-wrap">{lines.join("\n")}</pre>}>
          <button type="button" className="text-brand hover:underline">
            +{more} more
          </button>
        </Hint>
      ) : null}
    </div>
  );
}

function Pods({ row }: { row: RevisionRow }) {
  if (row.actualReplicas === undefined && row.desiredReplicas === undefined) return <span className="text-muted">-</span>;
  return (
    <span aria-label={`${row.actualReplicas ?? 0} of ${row.desiredReplicas ?? 0} pods`}>
      {row.actualReplicas ?? 0}/{row.desiredReplicas ?? 0}
    </span>
  );
}

/** `ghcr.io/knative/helloworld-go:latest` → `helloworld-go:latest`; the full reference is on hover. */
function shortImage(image: string): string {
  return image.slice(image.lastIndexOf("/") + 1) || image;
}

function Images({ images }: { images: string[] }) {
  if (images.length === 0) return <span className="text-muted">-</span>;
  return (
    <div className="font-mono text-xs">
      {images.map((image) => (
        <div key={image}>
          <Hint content={image}>
            <span className="block max-w-44 truncate">{shortImage(image)}</span>
          </Hint>
        </div>
      ))}
    </div>
  );
}

function Tags({ row }: { row: RevisionRow }) {
  if (row.tags.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5">
      {row.tags.map((t) => (
        <li key={t.tag} className="flex items-baseline gap-1.5 text-xs">
          <span className="rounded bg-slate-100 px-1.5 py-px">{t.tag}</span>
          {t.url ? (
            <span className="font-mono text-muted">
              <Breakable text={t.url} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Why each revision may not be deleted now (lib/knative/revision-deletion.ts), from the page's live cache. */
function useDeletionBlockers(cluster: string, namespace: string, service: string): (revision: string) => string[] {
  const svc = useQuery(serviceQuery(cluster, namespace, service)).data;
  const revisions = useQuery(serviceRevisionsQuery(cluster, namespace, service)).data?.items;
  return (name) => {
    const revision = revisions?.find((r) => r.metadata.name === name);
    return svc && revision ? revisionDeletionBlockers(revision, svc) : [];
  };
}

/** Always focusable: when something depends on the revision, the dialog says what instead of deleting. */
function DeleteButton({ name, blockers, denial, onClick }: { name: string; blockers: string[]; denial: string | undefined; onClick: () => void }) {
  if (denial) {
    return (
      <PermittedButton aria-label={`Delete ${name}`} denial={denial} className="text-muted">
        Delete
      </PermittedButton>
    );
  }
  const button = (
    <button type="button" aria-haspopup="dialog" aria-label={`Delete ${name}`} onClick={onClick} className={blockers.length > 0 ? "text-muted hover:underline" : "text-brand hover:underline"}>
      Delete
    </button>
  );
  if (blockers.length === 0) return button;
  return (
    <Hint focusable={false} content={`Cannot be deleted now: ${blockers.join("; ")}.`}>
      {button}
    </Hint>
  );
}

const CELL = "px-2.5";

/**
 * One row per revision (name and tags, traffic, image, environment, generation, status, pods,
 * age). Sized to fit 1280 px: the name links to the details, tag URLs sit under their revision.
 */
export function RevisionInformation({ cluster, namespace, service, rows }: { cluster: string; namespace: string; service: string; rows: RevisionRow[] }) {
  const blockersOf = useDeletionBlockers(cluster, namespace, service);
  const deleteDenial = useAccess(cluster, namespace).denial("deleteRevision", "delete this revision");
  const [deleting, setDeleting] = useState<string | null>(null);
  // Mounted once opened, and kept, so reopening is instant.
  const [used, setUsed] = useState(false);
  if (rows.length === 0) return <EmptyState title="No revisions yet">Knative creates the first revision when it reconciles the service.</EmptyState>;
  return (
    <Table aria-label="Revisions">
      <THead>
        <tr>
          <TH className={CELL}>Name / Tags</TH>
          <TH className={CELL}>Traffic</TH>
          <TH className={CELL}>Image</TH>
          <TH className={CELL}>Environment Variables</TH>
          <TH className={CELL}>Generation</TH>
          <TH className={CELL}>Status</TH>
          <TH className={CELL}>Pods</TH>
          <TH className={CELL}>Creation Time</TH>
          <TH className={CELL}>Actions</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((row) => (
          <TR key={row.name}>
            <TD className={CELL}>
              <div className="flex items-center gap-2 whitespace-nowrap">
                <RevisionName name={row.name} href={consoleRoutes.revision(cluster, namespace, service, row.name)} />
                {row.latestCreated ? <Badge tone="neutral">Latest</Badge> : null}
              </div>
              <Tags row={row} />
            </TD>
            <TD className={`${CELL} font-medium tabular-nums`}>{row.percent}%</TD>
            <TD className={CELL}>
              <Images images={row.images} />
            </TD>
            <TD className={CELL}>
              <EnvCell lines={row.env} />
            </TD>
            <TD className={`${CELL} tabular-nums`}>{row.generation ?? "-"}</TD>
            <TD className={CELL}>
              <ReadinessBadge readiness={row.readiness} showReason />
            </TD>
            <TD className={`${CELL} tabular-nums`}>
              <Pods row={row} />
            </TD>
            <TD className={CELL}>
              <RelativeTime value={row.created} />
            </TD>
            <TD className={CELL}>
              <DeleteButton
                name={row.name}
                blockers={blockersOf(row.name)}
                denial={deleteDenial}
                onClick={() => {
                  setUsed(true);
                  setDeleting(row.name);
                }}
              />
            </TD>
          </TR>
        ))}
      </tbody>
      {/* A portal to <body>: nothing of it renders inside the table. */}
      {used ? <DeleteRevisionDialog cluster={cluster} namespace={namespace} service={service} revision={deleting} onClose={() => setDeleting(null)} /> : null}
    </Table>
  );
}

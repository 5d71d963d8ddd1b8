"use client";

import { ReadinessBadge } from "@/components/knative/readiness-badge";
import { consoleRoutes } from "@/components/knative/console-routes";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import { Hint } from "@/components/ui/tooltip";
import { RevisionName } from "./revision-name";
import type { RevisionRow } from "./revision-row";

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

const CELL = "px-2.5";

/**
 * One row per revision (name and tags, traffic, image, environment, generation, status, pods,
 * age). Sized to fit 1280 px: the name links to the details, tag URLs sit under their revision.
 */
export function RevisionInformation({ cluster, namespace, service, rows }: { cluster: string; namespace: string; service: string; rows: RevisionRow[] }) {
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
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

"use client";

import { Badge } from "@/components/ui/badge";
import { TD, TH, THead, TR, Table } from "@/components/ui/table";
import type { Container } from "@/lib/knative/types";
import { describeEnv } from "./env-format";

function Resources({ container }: { container: Container }) {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const names = [...new Set([...Object.keys(requests), ...Object.keys(limits)])].sort();
  if (names.length === 0) return <p className="text-muted">No requests or limits: the cluster&apos;s defaults apply.</p>;
  return (
    <Table aria-label={`Resources of ${container.name ?? "container"}`}>
      <THead>
        <tr>
          <TH>Resource</TH>
          <TH>Request</TH>
          <TH>Limit</TH>
        </tr>
      </THead>
      <tbody>
        {names.map((n) => (
          <TR key={n}>
            <TD>{n}</TD>
            <TD className="font-mono text-xs">{requests[n] ?? "-"}</TD>
            <TD className="font-mono text-xs">{limits[n] ?? "-"}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

function EnvTable({ container }: { container: Container }) {
  const env = container.env ?? [];
  const envFrom = container.envFrom ?? [];
  if (env.length === 0 && envFrom.length === 0) return <p className="text-muted">None.</p>;
  return (
    <Table aria-label={`Environment variables of ${container.name ?? "container"}`}>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Type</TH>
          <TH>Value / Source</TH>
        </tr>
      </THead>
      <tbody>
        {env.map((e) => {
          const d = describeEnv(e);
          return (
            <TR key={e.name}>
              <TD className="font-mono text-xs">{d.name}</TD>
              <TD>
                <Badge tone={d.source === "Custom" ? "neutral" : "info"}>{d.source}</Badge>
              </TD>
              <TD className="font-mono text-xs break-all">{d.value}</TD>
            </TR>
          );
        })}
        {envFrom.map((f, i) => (
          <TR key={`from-${i}`}>
            <TD className="font-mono text-xs">{f.prefix ? `${f.prefix}*` : "*"}</TD>
            <TD>
              <Badge tone="info">{f.secretRef ? "Secret" : "ConfigMap"}</Badge>
            </TD>
            <TD className="font-mono text-xs">all keys of {f.secretRef?.name ?? f.configMapRef?.name}</TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** Each container: image, ports, environment variables with their sources, resources. */
export function ContainersSection({ containers }: { containers: Container[] }) {
  return (
    <div className="divide-y divide-line">
      {containers.map((c, i) => (
        <div key={c.name ?? i} className="flex flex-col gap-3 p-4">
          <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
            <h3 className="font-semibold">{c.name || `container ${i + 1}`}</h3>
            <span>
              <span className="text-muted">Image </span>
              <span className="font-mono text-xs break-all">{c.image ?? "-"}</span>
            </span>
            <span>
              <span className="text-muted">Ports </span>
              {(c.ports ?? []).length === 0 ? (
                <span className="text-muted">-</span>
              ) : (
                (c.ports ?? []).map((p) => (
                  <span key={`${p.name}-${p.containerPort}`} className="mr-2 font-mono text-xs">
                    {p.name ? `${p.name}:` : ""}
                    {p.containerPort}/{p.protocol ?? "TCP"}
                  </span>
                ))
              )}
            </span>
            {c.args?.length ? (
              <span>
                <span className="text-muted">Args </span>
                <span className="font-mono text-xs">{c.args.join(" ")}</span>
              </span>
            ) : null}
          </div>
          <div className="grid grid-cols-[3fr_2fr] gap-4">
            <div>
              <h4 className="mb-1 text-xs font-medium text-muted uppercase">Environment Variables</h4>
              <EnvTable container={c} />
            </div>
            <div>
              <h4 className="mb-1 text-xs font-medium text-muted uppercase">Resources</h4>
              <Resources container={c} />
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}

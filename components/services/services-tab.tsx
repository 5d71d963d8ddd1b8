"use client";

// The Services tab: filters from the URL, the list from React Query (hydrated by the server
// page, kept live by the cluster's event stream), sorting and paging in the browser.

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { gatewayQuery, namespacesQuery } from "@/lib/queries/cluster-resources";
import { servicesQuery } from "@/lib/queries/services";
import { CreateServiceButton } from "./create-service/create-service-button";
import { matchesSearch, sortRows, toServiceRow } from "./service-row";
import { type ServicesFilters, type SortColumn, parseServicesFilters, servicesFiltersQuery } from "./services-filters";
import { ServicesTableSkeleton } from "./services-skeleton";
import { ServicesTable } from "./services-table";
import { PartialListNote } from "./partial-list-note";
import { ServicesToolbar } from "./services-toolbar";

export const PAGE_SIZE = 50;

function useServicesFilters(defaultNamespace: string) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseServicesFilters(searchParams, defaultNamespace), [searchParams, defaultNamespace]);
  // Native history calls keep Next's router in sync without a server round trip: the data
  // comes from React Query, not from the server page.
  const update = useCallback(
    (next: Partial<ServicesFilters>, mode: "push" | "replace" = "replace") => {
      const query = servicesFiltersQuery({ ...filters, page: 1, ...next }, new URLSearchParams(searchParams));
      window.history[mode === "push" ? "pushState" : "replaceState"](null, "", `${pathname}${query}`);
    },
    [filters, pathname, searchParams],
  );
  return [filters, update] as const;
}

export function ServicesTab({ cluster, defaultNamespace }: { cluster: string; defaultNamespace: string }) {
  const [filters, update] = useServicesFilters(defaultNamespace);
  const services = useQuery(servicesQuery(cluster, filters.namespace));
  const gateway = useQuery(gatewayQuery(cluster));
  const namespaces = useQuery(namespacesQuery(cluster));

  const rows = useMemo(() => {
    const all = (services.data?.items ?? []).map((s) => toServiceRow(s, gateway.data?.address ?? null));
    return sortRows(
      all.filter((r) => matchesSearch(r, filters.search)),
      filters.sort.column,
      filters.sort.desc,
    );
  }, [services.data, gateway.data, filters.search, filters.sort]);

  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const onSort = (column: SortColumn) =>
    update({ sort: { column, desc: filters.sort.column === column ? !filters.sort.desc : false } });
  const onNamespaceChange = useCallback((namespace: string | null) => update({ namespace }, "push"), [update]);
  const onSearchChange = useCallback((search: string) => update({ search }), [update]);

  const total = services.data?.items.length;
  const summary =
    total === undefined ? undefined : filters.search ? `${rows.length} of ${total} services` : `${total} service${total === 1 ? "" : "s"}`;

  return (
    <div>
      <ServicesToolbar
        namespace={filters.namespace}
        namespaces={namespaces.data?.items}
        search={filters.search}
        onNamespaceChange={onNamespaceChange}
        onSearchChange={onSearchChange}
        summary={summary}
        actions={<CreateServiceButton cluster={cluster} namespace={filters.namespace ?? defaultNamespace} />}
      />
      {services.data?.partial ? <PartialListNote partial={services.data.partial} /> : null}
      {services.isPending ? (
        <ServicesTableSkeleton />
      ) : services.error && !services.data ? (
        <ErrorState error={services.error} what="the services" onRetry={() => void services.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filters.search ? `No services match “${filters.search}”` : "No Knative services"}>
          {filters.search
            ? "Try another name, or search all namespaces."
            : filters.namespace
              ? `There are no Knative services in namespace “${filters.namespace}”.`
              : "There are no Knative services in this cluster yet."}
        </EmptyState>
      ) : (
        <>
          <ServicesTable cluster={cluster} rows={pageRows} sort={filters.sort} showNamespace={filters.namespace === null} onSort={onSort} />
          {pageCount > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-end gap-2 border-t border-line px-3 py-2 text-muted">
              <span>
                {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, rows.length)} of {rows.length}
              </span>
              <button type="button" className={buttonClass()} disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
                Previous
              </button>
              <button type="button" className={buttonClass()} disabled={page >= pageCount} onClick={() => update({ page: page + 1 })}>
                Next
              </button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

// The Services tab's filters live in the URL (shareable, survive reloads, back button works):
// ?namespace=<ns>|all, ?q=<name search>, ?sort=<column>[.desc], ?page=<n>. Pure parse and format.

export const SORT_COLUMNS = ["name", "status", "url", "gateway", "latest", "traffic", "created"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const ALL_NAMESPACES = "all";

export interface ServicesFilters {
  /** null: all namespaces. */
  namespace: string | null;
  search: string;
  sort: { column: SortColumn; desc: boolean };
  /** 1-based. */
  page: number;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export const DEFAULT_SORT: ServicesFilters["sort"] = { column: "name", desc: false };

export function parseServicesFilters(params: Params, defaultNamespace: string): ServicesFilters {
  const ns = get(params, "namespace");
  const [column, direction] = (get(params, "sort") ?? "").split(".");
  const sort = SORT_COLUMNS.includes(column as SortColumn) ? { column: column as SortColumn, desc: direction === "desc" } : DEFAULT_SORT;
  return {
    namespace: ns === ALL_NAMESPACES ? null : ns || defaultNamespace,
    search: (get(params, "q") ?? "").trim(),
    sort,
    page: Math.max(1, Number.parseInt(get(params, "page") ?? "1", 10) || 1),
  };
}

/** The query string for these filters, keeping other parameters (such as `tab`). */
export function servicesFiltersQuery(filters: ServicesFilters, base?: URLSearchParams): string {
  const params = new URLSearchParams(base);
  params.set("namespace", filters.namespace ?? ALL_NAMESPACES);
  if (filters.search) params.set("q", filters.search);
  else params.delete("q");
  const isDefaultSort = filters.sort.column === DEFAULT_SORT.column && filters.sort.desc === DEFAULT_SORT.desc;
  if (isDefaultSort) params.delete("sort");
  else params.set("sort", `${filters.sort.column}${filters.sort.desc ? ".desc" : ""}`);
  if (filters.page > 1) params.set("page", String(filters.page));
  else params.delete("page");
  const query = params.toString();
  return query ? `?${query}` : "";
}

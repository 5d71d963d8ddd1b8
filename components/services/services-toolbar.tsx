"use client";

import { Search } from "lucide-react";
import { type ReactNode, useEffect, useId, useState } from "react";
import type { Namespace } from "@/lib/queries/api-types";

/** Namespace selector and name search, as on ACK's Services tab; the tab's actions on the right. */
export function ServicesToolbar({
  namespace,
  namespaces,
  search,
  onNamespaceChange,
  onSearchChange,
  summary,
  actions,
}: {
  namespace: string | null;
  namespaces: Namespace[] | undefined;
  search: string;
  onNamespaceChange: (namespace: string | null) => void;
  onSearchChange: (search: string) => void;
  summary?: string;
  actions?: ReactNode;
}) {
  const nsId = useId();
  const searchId = useId();
  const [draft, setDraft] = useState(search);

  // Typing updates the URL a moment after the last key, not on every key.
  useEffect(() => {
    if (draft === search) return;
    const id = setTimeout(() => onSearchChange(draft), 200);
    return () => clearTimeout(id);
  }, [draft, search, onSearchChange]);

  const names = (namespaces ?? []).map((n) => n.metadata.name ?? "").filter(Boolean);
  if (namespace && !names.includes(namespace)) names.unshift(namespace);

  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-line px-3 py-2.5">
      <label htmlFor={nsId} className="text-muted">
        Namespace
      </label>
      <select
        id={nsId}
        value={namespace ?? ""}
        onChange={(e) => onNamespaceChange(e.target.value || null)}
        className="h-8 min-w-40 rounded border border-line bg-white px-2"
      >
        <option value="">All namespaces</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search by name
        </label>
        <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-muted" />
        <input
          id={searchId}
          type="search"
          placeholder="Search by name"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          className="h-8 w-64 rounded border border-line bg-white pr-2 pl-8"
        />
      </div>
      <div className="ml-auto flex items-center gap-3">
        {summary ? <span className="text-muted" aria-live="polite">{summary}</span> : null}
        {actions}
      </div>
    </div>
  );
}

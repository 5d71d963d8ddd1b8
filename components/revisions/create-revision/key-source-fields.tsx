"use client";

// The ConfigMap or Secret an environment variable's value comes from, and its key, picked from
// what the namespace has (names and keys only). When the list cannot be read (e.g. no RBAC right
// to list Secrets) both are typed instead, and the reason is shown.

import { useQuery } from "@tanstack/react-query";
import { SelectField, type SelectOption, TextField } from "@/components/ui/form-field";
import { keySourcesQuery, type KeySourceKind } from "@/lib/queries/namespace-objects";

export interface KeySourceFieldsProps {
  cluster: string;
  namespace: string;
  kind: KeySourceKind;
  source: string;
  sourceKey: string;
  onChange: (change: { source: string; key: string }) => void;
  sourceErrors?: readonly string[];
  keyErrors?: readonly string[];
}

/** The listed names, plus the current one if the list lacks it (it may have been deleted). */
function withCurrent(names: string[], current: string): SelectOption[] {
  const options = names.map((n) => ({ value: n, label: n }));
  if (current && !names.includes(current)) options.unshift({ value: current, label: `${current} (not found)` });
  return options;
}

export function KeySourceFields({ cluster, namespace, kind, source, sourceKey, onChange, sourceErrors, keyErrors }: KeySourceFieldsProps) {
  const list = useQuery(keySourcesQuery(cluster, namespace, kind));
  const what = kind === "configmaps" ? "ConfigMap" : "Secret";

  if (list.error && !list.data) {
    return (
      <div className="grid grid-cols-2 gap-2">
        <TextField label={what} hideLabel placeholder={`${what} name`} value={source} onChange={(e) => onChange({ source: e.target.value, key: sourceKey })} errors={sourceErrors} hint={`Could not list them: ${list.error.message}`} />
        <TextField label={`${what} Key`} hideLabel placeholder="key" value={sourceKey} onChange={(e) => onChange({ source, key: e.target.value })} errors={keyErrors} />
      </div>
    );
  }

  const items = list.data?.items ?? [];
  const keys = items.find((i) => i.name === source)?.keys ?? [];
  const pickSource = (name: string) => {
    const nextKeys = items.find((i) => i.name === name)?.keys ?? [];
    // Keep the key when the new source has it too; with a single key there is nothing to choose.
    onChange({ source: name, key: nextKeys.includes(sourceKey) ? sourceKey : nextKeys.length === 1 ? nextKeys[0]! : "" });
  };
  const loading = list.isPending;
  return (
    <div className="grid grid-cols-2 gap-2">
      <SelectField
        label={what}
        hideLabel
        value={source}
        onChange={(e) => pickSource(e.target.value)}
        options={withCurrent(items.map((i) => i.name), source)}
        placeholder={loading ? "Loading…" : items.length === 0 ? `No ${what}s in ${namespace}` : `Choose a ${what}`}
        disabled={loading}
        errors={sourceErrors}
      />
      <SelectField
        label={`${what} Key`}
        hideLabel
        value={sourceKey}
        onChange={(e) => onChange({ source, key: e.target.value })}
        options={withCurrent(keys, sourceKey)}
        placeholder={source ? "Choose a key" : `Choose a ${what} first`}
        disabled={loading || !source}
        errors={keyErrors}
      />
    </div>
  );
}

"use client";

// Where the new Service goes and what it is called. The namespaces come from the list the
// Services tab already reads; when it cannot be read (no right to list namespaces) the
// namespace is typed instead, and the reason is shown.

import { useQuery } from "@tanstack/react-query";
import { SelectField, TextField } from "@/components/ui/form-field";
import { namespacesQuery } from "@/lib/queries/cluster-resources";

export interface IdentityFieldsProps {
  cluster: string;
  namespace: string;
  name: string;
  onNamespaceChange: (namespace: string) => void;
  onNameChange: (name: string) => void;
  /** The name's problems show once the user has left the field, not while they type it. */
  onNameBlur: () => void;
  namespaceErrors?: readonly string[];
  nameErrors?: readonly string[];
}

function namespaceNames(items: Array<{ metadata: { name?: string } }> | undefined, current: string): string[] {
  const names = (items ?? []).map((n) => n.metadata.name ?? "").filter(Boolean);
  return current && !names.includes(current) ? [current, ...names] : names;
}

export function IdentityFields(props: IdentityFieldsProps) {
  const namespaces = useQuery(namespacesQuery(props.cluster));
  const unlisted = namespaces.error && !namespaces.data;
  return (
    <div className="grid grid-cols-[13rem_minmax(0,1fr)] gap-3">
      {unlisted ? (
        <TextField
          label="Namespace"
          value={props.namespace}
          onChange={(e) => props.onNamespaceChange(e.target.value.trim())}
          errors={props.namespaceErrors}
          hint={`Could not list the namespaces: ${namespaces.error.message}`}
          autoComplete="off"
          spellCheck={false}
        />
      ) : (
        <SelectField
          label="Namespace"
          value={props.namespace}
          onChange={(e) => props.onNamespaceChange(e.target.value)}
          options={namespaceNames(namespaces.data?.items, props.namespace).map((n) => ({ value: n, label: n }))}
          errors={props.namespaceErrors}
        />
      )}
      <TextField
        label="Name"
        value={props.name}
        onChange={(e) => props.onNameChange(e.target.value)}
        onBlur={props.onNameBlur}
        errors={props.nameErrors}
        hint="Lower case letters, digits and “-”, starting with a letter; up to 63 characters."
        autoComplete="off"
        spellCheck={false}
        // The one field every new Service needs first; Radix keeps the focus where it already is.
        autoFocus
        inputClassName="font-mono text-xs"
      />
    </div>
  );
}

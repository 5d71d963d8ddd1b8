"use client";

// The user container's environment variables, one row each, as in ACK's console: a Type
// (Custom, ConfigMap or Secret), the Variable Key and its Value, or the ConfigMap/Secret and key
// it is read from. Variables from sources the wizard does not edit (fieldRef, resourceFieldRef)
// are kept as they are and can be renamed or removed.

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { SelectField, TextField } from "@/components/ui/form-field";
import { envValueText } from "@/lib/knative/template-changes";
import type { EnvPart } from "./field-paths";
import { emptyEnvRow, type EnvKind, type EnvRow } from "./form-model";
import { KeySourceFields } from "./key-source-fields";

const KINDS = [
  { value: "custom", label: "Custom" },
  { value: "configMap", label: "ConfigMap" },
  { value: "secret", label: "Secret" },
];

const GRID = "grid grid-cols-[8.5rem_minmax(0,1fr)_minmax(0,1.5fr)_2rem] items-start gap-2";

export interface EnvEditorProps {
  cluster: string;
  namespace: string;
  rows: EnvRow[];
  onChange: (rows: EnvRow[], editedRowId: string) => void;
  /** The problems to show for a row's part (already filtered to what should be visible). */
  messages: (row: number, part: EnvPart) => readonly string[] | undefined;
}

export function EnvEditor({ cluster, namespace, rows, onChange, messages }: EnvEditorProps) {
  // The row just added gets the focus, so Add works from the keyboard without hunting for it.
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const update = (id: string, patch: Partial<EnvRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)), id);
  const add = () => {
    const row = emptyEnvRow();
    setFocusRow(row.id);
    onChange([...rows, row], row.id);
  };
  const remove = (id: string) => onChange(rows.filter((r) => r.id !== id), id);

  return (
    <div className="flex flex-col gap-2">
      {rows.length > 0 ? (
        <div aria-hidden className={`${GRID} text-xs text-muted`}>
          <span>Type</span>
          <span>Variable Key</span>
          <span>Value</span>
        </div>
      ) : (
        <p className="text-muted">No environment variables.</p>
      )}
      {rows.map((row, i) => {
        const errors = (part: EnvPart) => messages(i, part);
        const kinds = row.kind === "other" ? [...KINDS, { value: "other", label: "Other" }] : KINDS;
        return (
          <div key={row.id} role="group" aria-label={`Environment variable ${i + 1}`} className={GRID}>
            <SelectField
              label="Type"
              hideLabel
              value={row.kind}
              options={kinds}
              onChange={(e) => update(row.id, { kind: e.target.value as EnvKind, source: "", key: "" })}
            />
            <TextField
              ref={
                row.id === focusRow
                  ? (el) => {
                      if (!el) return;
                      el.focus();
                      setFocusRow(null);
                    }
                  : undefined
              }
              label="Variable Key"
              hideLabel
              placeholder="NAME"
              value={row.name}
              autoComplete="off"
              spellCheck={false}
              inputClassName="font-mono text-xs"
              onChange={(e) => update(row.id, { name: e.target.value })}
              errors={errors("name")}
            />
            {row.kind === "custom" ? (
              <TextField label="Value" hideLabel placeholder="value" value={row.value} autoComplete="off" spellCheck={false} onChange={(e) => update(row.id, { value: e.target.value })} errors={errors("value")} />
            ) : row.kind === "other" ? (
              <p className="py-1.5 font-mono text-xs break-all text-muted">{row.original ? envValueText(row.original) : ""} (kept as is)</p>
            ) : (
              <KeySourceFields
                cluster={cluster}
                namespace={namespace}
                kind={row.kind === "configMap" ? "configmaps" : "secrets"}
                source={row.source}
                sourceKey={row.key}
                onChange={(change) => update(row.id, { source: change.source, key: change.key })}
                sourceErrors={errors("source") ?? errors("value")}
                keyErrors={errors("key")}
              />
            )}
            <button
              type="button"
              aria-label={`Remove ${row.name || `environment variable ${i + 1}`}`}
              onClick={() => remove(row.id)}
              className="flex size-8 items-center justify-center rounded text-muted hover:bg-slate-100 hover:text-red-600"
            >
              <Trash2 aria-hidden className="size-4" />
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" className={buttonClass("secondary")} onClick={add}>
          <Plus aria-hidden className="size-3.5" />
          Add
        </button>
      </div>
    </div>
  );
}


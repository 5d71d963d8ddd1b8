"use client";

// The Advanced part of Basic Information: environment variables, command and args, resources,
// concurrency and timeout, autoscaling bounds and target, and the new revision's name.

import type { ReactNode } from "react";
import { TextAreaField, TextField } from "@/components/ui/form-field";
import { EnvEditor } from "./env-editor";
import { envField, type EnvPart } from "./field-paths";
import type { BasicForm, EnvRow } from "./form-model";

export interface AdvancedSettingsProps {
  cluster: string;
  namespace: string;
  service: string;
  form: BasicForm;
  suggestion: string;
  onChange: (patch: Partial<BasicForm>, edited: string) => void;
  messages: (field: string) => readonly string[] | undefined;
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  const id = `advanced-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h3 id={id} className="text-[13px] font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function AdvancedSettings({ cluster, namespace, service, form, suggestion, onChange, messages }: AdvancedSettingsProps) {
  const text = (field: Exclude<keyof BasicForm, "env">, label: string, extra: { hint?: string; placeholder?: string; mono?: boolean; numeric?: boolean } = {}) => (
    <TextField
      label={label}
      value={form[field]}
      onChange={(e) => onChange({ [field]: e.target.value }, field)}
      errors={messages(field)}
      hint={extra.hint}
      placeholder={extra.placeholder}
      inputMode={extra.numeric ? "numeric" : undefined}
      autoComplete="off"
      spellCheck={false}
      inputClassName={extra.mono ? "font-mono text-xs" : undefined}
    />
  );
  return (
    <div className="flex flex-col gap-5 pt-3">
      <Group title="Environment Variables">
        <EnvEditor
          cluster={cluster}
          namespace={namespace}
          rows={form.env}
          onChange={(env: EnvRow[], rowId) => onChange({ env }, `env:${rowId}`)}
          messages={(row: number, part: EnvPart) => messages(envField(row, part))}
        />
      </Group>
      <Group title="Command and Args">
        <div className="grid grid-cols-2 gap-3">
          <TextAreaField label="Command" rows={2} value={form.command} onChange={(e) => onChange({ command: e.target.value }, "command")} errors={messages("command")} hint="One entry per line; empty: the image's entrypoint." spellCheck={false} />
          <TextAreaField label="Args" rows={2} value={form.args} onChange={(e) => onChange({ args: e.target.value }, "args")} errors={messages("args")} hint="One argument per line." spellCheck={false} />
        </div>
      </Group>
      <Group title="Resources">
        <div className="grid grid-cols-4 gap-3">
          {text("cpuRequest", "CPU Request", { placeholder: "e.g. 250m", mono: true })}
          {text("cpuLimit", "CPU Limit", { placeholder: "e.g. 1", mono: true })}
          {text("memoryRequest", "Memory Request", { placeholder: "e.g. 128Mi", mono: true })}
          {text("memoryLimit", "Memory Limit", { placeholder: "e.g. 512Mi", mono: true })}
        </div>
      </Group>
      <Group title="Concurrency and Timeout">
        <div className="grid grid-cols-3 gap-3">
          {text("containerConcurrency", "Maximum Concurrent Requests", { hint: "Per pod; 0: no limit.", numeric: true })}
          {text("timeoutSeconds", "Timeout (seconds)", { hint: "For each request.", numeric: true })}
        </div>
      </Group>
      <Group title="Autoscaling">
        <div className="grid grid-cols-3 gap-3">
          {text("minScale", "Min Pods", { hint: "0 lets it scale to zero.", numeric: true })}
          {text("maxScale", "Max Pods", { hint: "0 or empty: no limit.", numeric: true })}
          {text("target", "Target", { hint: "Concurrent requests per pod to aim for." })}
        </div>
      </Group>
      <Group title="Revision">
        <div className="grid grid-cols-2 gap-3">
          {text("revisionName", "Revision Name", { hint: `Must start with “${service}-”. Empty: ${suggestion}.`, placeholder: suggestion, mono: true })}
        </div>
      </Group>
    </div>
  );
}

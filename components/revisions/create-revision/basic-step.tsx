"use client";

// Step 1, Basic Information: the image and port in view, the rest under Advanced, and what the
// new revision changes. Everything starts from the Service's current template.

import { ChevronRight } from "lucide-react";
import type { FormEvent } from "react";
import { TextField } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import type { RevisionTemplateSpec } from "@/lib/knative/types";
import { AdvancedSettings } from "./advanced-settings";
import { ChangesSummary } from "./changes-summary";
import type { BasicForm } from "./form-model";
import { ProblemList } from "./problem-list";

export interface BasicStepProps {
  formId: string;
  cluster: string;
  namespace: string;
  service: string;
  form: BasicForm;
  suggestion: string;
  onChange: (patch: Partial<BasicForm>, edited: string) => void;
  messages: (field: string) => readonly string[] | undefined;
  general: readonly string[];
  advancedOpen: boolean;
  onAdvancedOpenChange: (open: boolean) => void;
  before: RevisionTemplateSpec;
  after: RevisionTemplateSpec;
  basedOn: string | undefined;
  onSubmit: () => void;
}

export function BasicStep(props: BasicStepProps) {
  const { formId, form, onChange, messages, advancedOpen, onAdvancedOpenChange } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
      {props.general.length > 0 ? <ProblemList title="Knative would refuse this revision" messages={props.general} /> : null}
      <div className="grid grid-cols-[minmax(0,1fr)_10rem] gap-3">
        <TextField
          label="Image"
          value={form.image}
          onChange={(e) => onChange({ image: e.target.value }, "image")}
          errors={messages("image")}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono text-xs"
        />
        <TextField
          label="Container Port"
          value={form.port}
          placeholder="8080"
          inputMode="numeric"
          onChange={(e) => onChange({ port: e.target.value }, "port")}
          errors={messages("port")}
          hint="Knative's default: 8080."
        />
      </div>
      <div className="border-t border-line pt-2">
        <button
          type="button"
          aria-expanded={advancedOpen}
          aria-controls={`${formId}-advanced`}
          onClick={() => onAdvancedOpenChange(!advancedOpen)}
          className="inline-flex items-center gap-1 rounded py-1 font-medium text-brand hover:underline"
        >
          <ChevronRight aria-hidden className={cn("size-4 transition-transform", advancedOpen && "rotate-90")} />
          Advanced
        </button>
        <div id={`${formId}-advanced`} hidden={!advancedOpen}>
          {advancedOpen ? (
            <AdvancedSettings
              cluster={props.cluster}
              namespace={props.namespace}
              service={props.service}
              form={form}
              suggestion={props.suggestion}
              onChange={onChange}
              messages={messages}
            />
          ) : null}
        </div>
      </div>
      <ChangesSummary before={props.before} after={props.after} basedOn={props.basedOn} />
    </form>
  );
}

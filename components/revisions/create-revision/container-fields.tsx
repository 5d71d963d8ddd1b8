"use client";

// What a revision runs, as the Create Revision wizard and the Create Service dialog both ask for
// it: the image and port in view, and under Advanced the rest (environment variables, command and
// args, resources, concurrency and timeout, autoscaling, the revision's name).

import { ChevronRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { TextField } from "@/components/ui/form-field";
import { AdvancedSettings } from "./advanced-settings";
import type { BasicForm } from "./form-model";

export interface ContainerFieldsProps {
  /** For the ids of the Advanced section. */
  formId: string;
  cluster: string;
  namespace: string;
  /** The Service's name, for the revision name's hint. */
  service: string;
  /** The revision name used when the field is left empty. */
  suggestion: string;
  imagePlaceholder?: string;
  form: BasicForm;
  onChange: (patch: Partial<BasicForm>, edited: string) => void;
  messages: (field: string) => readonly string[] | undefined;
  advancedOpen: boolean;
  onAdvancedOpenChange: (open: boolean) => void;
}

export function ContainerFields({ formId, cluster, namespace, service, suggestion, imagePlaceholder, form, onChange, messages, advancedOpen, onAdvancedOpenChange }: ContainerFieldsProps) {
  return (
    <>
      <div className="grid grid-cols-[minmax(0,1fr)_10rem] gap-3">
        <TextField
          label="Image"
          value={form.image}
          placeholder={imagePlaceholder}
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
              cluster={cluster}
              namespace={namespace}
              service={service}
              form={form}
              suggestion={suggestion}
              onChange={onChange}
              messages={messages}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

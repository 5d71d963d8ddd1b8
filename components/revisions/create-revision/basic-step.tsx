"use client";

// Step 1, Basic Information: the image and port in view, the rest under Advanced, and what the
// new revision changes. Everything starts from the Service's current template.

import type { FormEvent } from "react";
import type { RevisionTemplateSpec } from "@/lib/knative/types";
import { ChangesSummary } from "./changes-summary";
import { ContainerFields } from "./container-fields";
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
      <ContainerFields
        formId={formId}
        cluster={props.cluster}
        namespace={props.namespace}
        service={props.service}
        suggestion={props.suggestion}
        form={form}
        onChange={onChange}
        messages={messages}
        advancedOpen={advancedOpen}
        onAdvancedOpenChange={onAdvancedOpenChange}
      />
      <ChangesSummary before={props.before} after={props.after} basedOn={props.basedOn} />
    </form>
  );
}

"use client";

// Labelled form controls in the console's look: a label (visible, or for screen readers only
// inside table rows), the control, an optional hint and the field's problems in red under it.
// The control points at hint and problems with aria-describedby and says aria-invalid, so a
// screen reader reads the message with the field and getByLabel finds every control.

import { type ComponentProps, type ReactNode, type Ref, useId } from "react";
import { cn } from "./cn";

const CONTROL =
  "h-8 w-full min-w-0 rounded border border-line bg-white px-2 text-[13px] text-ink placeholder:text-slate-400 hover:border-slate-400 focus-visible:border-brand disabled:bg-slate-50 disabled:text-muted aria-[invalid=true]:border-red-500";

interface FieldProps {
  label: string;
  /** Label for screen readers only (a column heading says it for sighted users). */
  hideLabel?: boolean;
  hint?: ReactNode;
  /** The field's problems; each is shown under it. */
  errors?: readonly string[];
  className?: string;
}

interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

function Field({ label, hideLabel, hint, errors, className, children }: FieldProps & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = (errors?.length ?? 0) > 0;
  const describedBy = [hint ? hintId : "", invalid ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-[13px] text-muted"}>
        {label}
      </label>
      {children({ id, describedBy, invalid })}
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} className="flex flex-col gap-0.5 text-xs break-words text-red-600">
          {errors!.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

type InputProps = Omit<ComponentProps<"input">, "id" | "className" | "aria-invalid" | "aria-describedby">;

export function TextField({ label, hideLabel, hint, errors, className, inputClassName, ref, ...input }: FieldProps & InputProps & { inputClassName?: string; ref?: Ref<HTMLInputElement> }) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <input ref={ref} id={id} aria-describedby={describedBy} aria-invalid={invalid} className={cn(CONTROL, inputClassName)} {...input} />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<ComponentProps<"textarea">, "id" | "className" | "aria-invalid" | "aria-describedby">;

export function TextAreaField({ label, hideLabel, hint, errors, className, ...textarea }: FieldProps & TextAreaProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid} className={cn(CONTROL, "h-auto py-1 font-mono text-xs")} {...textarea} />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<ComponentProps<"select">, "id" | "className" | "aria-invalid" | "aria-describedby" | "children">;

export function SelectField({ label, hideLabel, hint, errors, className, options, placeholder, ...select }: FieldProps & SelectProps & { options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} errors={errors} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={cn(CONTROL, "pr-1")} {...select}>
          {placeholder !== undefined ? (
            <option value="" disabled>
              {placeholder}
            </option>
          ) : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

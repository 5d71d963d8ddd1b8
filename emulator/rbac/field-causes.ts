// Field errors as k8s.io/apimachinery/pkg/util/validation/field words them (Error.ErrorBody),
// as the causes of a 422 Invalid.

import type { StatusCause } from "../core/errors";
import { goQuote } from "./go-format";

export function required(field: string, detail = ""): StatusCause {
  return { reason: "FieldValueRequired", message: detail ? `Required value: ${detail}` : "Required value", field };
}

export function notSupported(field: string, value: string, supported: readonly string[]): StatusCause {
  return { reason: "FieldValueNotSupported", message: `Unsupported value: ${goQuote(value)}: supported values: ${supported.map(goQuote).join(", ")}`, field };
}

/** `rendered` is the bad value as Go prints it: a quoted string, or `%#v` of anything else. */
export function invalid(field: string, rendered: string, detail: string): StatusCause {
  return { reason: "FieldValueInvalid", message: `Invalid value: ${rendered}: ${detail}`, field };
}

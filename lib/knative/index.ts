// The public API of lib/knative: Knative Serving's rules in pure TypeScript, shared by the
// console UI, the console's server routes and the embedded cluster.

export * from "./types";
export * from "./labels";
export * from "./annotation-keys";

// Admission: FieldError (knative.dev/pkg apis), Kubernetes name checks, the validating and
// defaulting webhooks, and the traffic-split helpers built on them.
export * from "./field-error";
export * from "./k8s-validation";
export * from "./validation/index";
export * from "./webhooks";
export { setDefaults, withDefaults, defaultRouteSpec, defaultTrafficTarget, type DefaultingOptions } from "./defaults";
export * from "./traffic";
export * from "./traffic-shares";

// Reconciliation rules.
export * from "./conditions";
export * from "./naming";
export * from "./domain";
export * from "./routing";
export * from "./queue-proxy";
export * from "./queue-stat";

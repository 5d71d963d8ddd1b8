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
// The Split Traffic dialog's model, as a namespace: its `distributeEvenly` works on dialog rows,
// not on the revision-percent maps of traffic.ts.
export * as splitEditor from "./split-editor";
export * from "./traffic-commands";

// Reconciliation rules.
export * from "./conditions";
export * from "./naming";
export * from "./domain";
export * from "./routing";
export * from "./queue-proxy";
export * from "./observability-config";
export * from "./route-tag";
// Not ./queue-stat: it pulls in the protobuf runtime, which no browser bundle should carry.

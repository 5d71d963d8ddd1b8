// The pure model of the Split Traffic dialog, in one import: its state (split-state.ts), the
// linked editing of rows (split-editing.ts), Promote and Rollback (split-shortcuts.ts), the
// webhook's verdict (split-check.ts), warnings (split-warnings.ts) and the new spec.traffic
// with its before/after table (split-output.ts). The command-line equivalents are in
// traffic-commands.ts.

export * from "./split-state";
export * from "./split-editing";
export * from "./split-shortcuts";
export * from "./split-check";
export * from "./split-warnings";
export * from "./split-output";

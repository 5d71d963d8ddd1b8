// Knative condition sets (knative.dev/pkg apis/condition_set.go) and the per-kind sets of
// serving (pkg/apis/serving/v1/*_lifecycle.go). A living condition set has the happy condition
// `Ready` and terminal dependents; `Ready` mirrors the most recently transitioned False
// dependent, else the most recently transitioned Unknown one, else becomes True.
// Pure: the clock is passed in.

import type { Condition, ConditionStatus, KubeObject, Status } from "./types";

export const READY = "Ready";

export interface ConditionSet {
  readonly happy: string;
  readonly dependents: readonly string[];
}

/** apis.NewLivingConditionSet: `Ready` plus the given dependents, without duplicates. */
export function livingConditionSet(...dependents: string[]): ConditionSet {
  const unique = dependents.filter((d, i) => d !== READY && dependents.indexOf(d) === i);
  return { happy: READY, dependents: unique };
}

/** service_lifecycle.go */
export const SERVICE_CONDITIONS = livingConditionSet("ConfigurationsReady", "RoutesReady");
/** configuration_lifecycle.go: no dependents. */
export const CONFIGURATION_CONDITIONS = livingConditionSet();
/** revision_lifecycle.go: `Active` is deliberately not a dependent (a scaled-to-zero revision stays Ready). */
export const REVISION_CONDITIONS = livingConditionSet("ResourcesAvailable", "ContainerHealthy");
/** route_lifecycle.go */
export const ROUTE_CONDITIONS = livingConditionSet("AllTrafficAssigned", "IngressReady", "CertificateProvisioned");

export type Clock = () => Date;

/** metav1.Time marshals as RFC 3339 with second precision. */
export function formatTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function getCondition(status: Status | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

type WithStatus = Pick<KubeObject, "metadata"> & { status?: Status | unknown };

function statusOf(obj: WithStatus): Status | undefined {
  return (obj.status ?? undefined) as Status | undefined;
}

/** `IsReady()` of every *_lifecycle.go: the latest generation was observed and Ready is True. */
export function isReady(obj: WithStatus): boolean {
  const status = statusOf(obj);
  return status?.observedGeneration === obj.metadata.generation && getCondition(status, READY)?.status === "True";
}

/** `IsFailed()`: the latest generation was observed and Ready is False. */
export function isFailed(obj: WithStatus): boolean {
  const status = statusOf(obj);
  return status?.observedGeneration === obj.metadata.generation && getCondition(status, READY)?.status === "False";
}

function sameCondition(a: Condition, b: Condition): boolean {
  return (
    a.type === b.type &&
    a.status === b.status &&
    (a.severity ?? "") === (b.severity ?? "") &&
    (a.reason ?? "") === (b.reason ?? "") &&
    (a.message ?? "") === (b.message ?? "")
  );
}

/** Builds a condition the way Go serialises one: empty reason, message and severity are omitted. */
function condition(type: string, status: ConditionStatus, severity: Condition["severity"] | "", reason = "", message = ""): Condition {
  const c: Condition = { type, status };
  if (severity) c.severity = severity;
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/**
 * The ConditionManager of condition_set.go over a status object, which it changes in place.
 * Within one manager, conditions set later count as more recent even inside the same second
 * (Go keeps nanoseconds in memory; the wire format keeps seconds).
 */
export class ConditionManager {
  private readonly order = new Map<string, number>();
  private sequence = 0;

  constructor(
    readonly set: ConditionSet,
    readonly status: Status,
    private readonly clock: Clock,
  ) {}

  get(type: string): Condition | undefined {
    return getCondition(this.status, type);
  }

  isHappy(): boolean {
    return this.get(this.set.happy)?.status === "True";
  }

  /** Sets a condition, keeping the list sorted by type; the time changes only if the condition changed. */
  setCondition(next: Condition): void {
    const conditions = this.status.conditions ?? [];
    const existing = conditions.find((c) => c.type === next.type);
    if (existing && sameCondition(existing, next)) return;
    const stored: Condition = { ...next, lastTransitionTime: formatTime(this.clock()) };
    this.status.conditions = [...conditions.filter((c) => c.type !== next.type), stored].sort((a, b) =>
      a.type < b.type ? -1 : a.type > b.type ? 1 : 0,
    );
    this.order.set(next.type, ++this.sequence);
  }

  private isTerminal(type: string): boolean {
    return type === this.set.happy || this.set.dependents.includes(type);
  }

  /** Terminal conditions have Error severity (omitted on the wire); the others are Info. */
  private severity(type: string): Condition["severity"] | "" {
    return this.isTerminal(type) ? "" : "Info";
  }

  markTrue(type: string): void {
    this.setCondition(condition(type, "True", this.severity(type)));
    this.recomputeHappiness(type);
  }

  markTrueWithReason(type: string, reason: string, message: string): void {
    this.setCondition(condition(type, "True", this.severity(type), reason, message));
    this.recomputeHappiness(type);
  }

  /** Sets `type` Unknown; the happy condition follows unless a dependent is already False. */
  markUnknown(type: string, reason: string, message: string): void {
    this.setCondition(condition(type, "Unknown", this.severity(type), reason, message));
    let isDependent = false;
    for (const dependent of this.set.dependents) {
      if (this.get(dependent)?.status === "False") {
        // Failed conditions trump Unknown ones; make sure the happy condition is False too.
        if (this.get(this.set.happy)?.status !== "False") this.markFalse(this.set.happy, reason, message);
        return;
      }
      if (dependent === type) isDependent = true;
    }
    if (isDependent) {
      this.setCondition(condition(this.set.happy, "Unknown", this.severity(this.set.happy), reason, message));
    }
  }

  /** Sets `type` False, and the happy condition too when `type` is a dependent. */
  markFalse(type: string, reason: string, message: string): void {
    const types = this.set.dependents.includes(type) ? [type, this.set.happy] : [type];
    for (const t of types) this.setCondition(condition(t, "False", this.severity(t), reason, message));
  }

  /** Adds the missing terminal conditions: Unknown, or True when the happy condition is already True. */
  initialize(): void {
    let happy = this.get(this.set.happy);
    if (!happy) {
      this.setCondition(condition(this.set.happy, "Unknown", ""));
      happy = this.get(this.set.happy);
    }
    const status: ConditionStatus = happy?.status === "True" ? "True" : "Unknown";
    for (const dependent of this.set.dependents) {
      if (!this.get(dependent)) this.setCondition(condition(dependent, status, ""));
    }
  }

  /** Removes a non-terminal condition (`ClearCondition`). */
  clear(type: string): void {
    if (this.isTerminal(type)) throw new Error("clearing terminal conditions not implemented");
    if (!this.get(type)) return;
    this.status.conditions = (this.status.conditions ?? []).filter((c) => c.type !== type);
  }

  private recomputeHappiness(type: string): void {
    const unhappy = this.findUnhappyDependent();
    if (unhappy) {
      this.setCondition(condition(this.set.happy, unhappy.status, this.severity(this.set.happy), unhappy.reason, unhappy.message));
    } else if (type !== this.set.happy) {
      this.setCondition(condition(this.set.happy, "True", this.severity(this.set.happy)));
    }
  }

  private findUnhappyDependent(): Pick<Condition, "status" | "reason" | "message"> | undefined {
    if (this.set.dependents.length === 0) return undefined;
    const terminal = (this.status.conditions ?? []).filter((c) => !c.severity && c.type !== this.set.happy);
    const newestFirst = [...terminal].sort((a, b) => timeOf(b) - timeOf(a) || this.setOrder(b) - this.setOrder(a));
    const failed = newestFirst.find((c) => c.status === "False");
    if (failed) return failed;
    const unknown = newestFirst.find((c) => c.status === "Unknown");
    if (unknown) return unknown;
    if (this.set.dependents.length > terminal.length) return { status: "Unknown" };
    return undefined;
  }

  /** Breaks ties between equal transition times: conditions this manager set later are newer. */
  private setOrder(c: Condition): number {
    return this.order.get(c.type) ?? 0;
  }
}

function timeOf(c: Condition): number {
  return c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

export function manageConditions(set: ConditionSet, status: Status, clock: Clock): ConditionManager {
  return new ConditionManager(set, status, clock);
}

/** knative.dev/pkg reconciler/reconcile_common.go failedGenerationBump. */
export const NEW_OBSERVED_GEN_FAILURE = "NewObservedGenFailure";

/**
 * PreProcessReconcile: initialise missing conditions and, on a generation not yet observed,
 * reset Ready to Unknown/NewObservedGenFailure (the reconciler is expected to overwrite it).
 */
export function beginReconcile(set: ConditionSet, obj: WithStatus & { status?: Status }, clock: Clock): ConditionManager {
  const status: Status = (obj.status ??= {});
  const manager = manageConditions(set, status, clock);
  manager.initialize();
  if (status.observedGeneration !== obj.metadata.generation) {
    manager.markUnknown(set.happy, NEW_OBSERVED_GEN_FAILURE, "unsuccessfully observed a new generation");
  }
  return manager;
}

/**
 * PostProcessReconcile: record the observed generation, and give every condition that changed
 * during the reconcile one shared transition time, keeping the old time of unchanged ones
 * (groomConditionsTransitionTime).
 */
export function finishReconcile(obj: WithStatus & { status?: Status }, before: Status | undefined, clock: Clock): void {
  const status: Status = (obj.status ??= {});
  status.observedGeneration = obj.metadata.generation;
  const now = formatTime(clock());
  for (const c of status.conditions ?? []) {
    const old = getCondition(before, c.type);
    c.lastTransitionTime = old && sameCondition(old, c) ? old.lastTransitionTime : now;
  }
}

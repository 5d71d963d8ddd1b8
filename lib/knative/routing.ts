// Route traffic resolution (serving: pkg/reconciler/route/traffic/traffic.go, errors.go and
// route.go configureTraffic): turns `spec.traffic` into `status.traffic`, or into the
// AllTrafficAssigned condition of the first failing target. The embedded cluster's Route
// reconciler and the console both use it.

import { getCondition, isReady, READY } from "./conditions";
import { DomainNameError, routeUrl, type RouteIdentity } from "./domain";
import { LABEL_CONFIGURATION, LABEL_SERVICE } from "./labels";
import type { Configuration, ConditionStatus, Revision, TrafficTarget } from "./types";

export interface TrafficLookup {
  revision(name: string): Revision | undefined;
  configuration(name: string): Configuration | undefined;
}

/** What AllTrafficAssigned (and through it Route Ready) should say when traffic cannot be assigned. */
export interface TrafficFailure {
  status: Exclude<ConditionStatus, "True">;
  reason: string;
  message: string;
}

export interface MissingTarget {
  kind: "Revision" | "Configuration";
  name: string;
}

export interface TrafficResolution {
  /** `status.url`; undefined when the route's own host is invalid (then `failure` is ErrorConfig). */
  url?: string;
  /** The new `status.traffic`, only when every target resolved. */
  traffic?: TrafficTarget[];
  /** Set when some target is not routable: the previous `status.traffic` must be kept. */
  failure?: TrafficFailure;
  /** Revisions and Configurations the targets referred to (found ones). */
  revisions: string[];
  configurations: string[];
  missing: MissingTarget[];
}

export interface RouteForTraffic extends RouteIdentity {
  traffic?: TrafficTarget[];
}

/** A target the route cannot use (traffic/errors.go): hard failures win over not-yet-ready ones. */
class TargetError {
  constructor(
    readonly failure: TrafficFailure,
    readonly isFailure: boolean,
  ) {}
}

/** `MarkMissingTrafficTarget`: `<Kind>Missing`. */
function missingTarget(kind: MissingTarget["kind"], name: string): TargetError {
  return new TargetError({ status: "False", reason: `${kind}Missing`, message: `${kind} "${name}" referenced in traffic not found.` }, true);
}

/** `MarkConfigurationNotReady` / `MarkConfigurationFailed`. */
function unreadyConfiguration(configuration: Configuration): TargetError {
  const name = configuration.metadata.name;
  const failed = readyStatus(configuration) === "False";
  return failed
    ? new TargetError({ status: "False", reason: "RevisionMissing", message: `Configuration "${name}" does not have any ready Revision.` }, true)
    : new TargetError({ status: "Unknown", reason: "RevisionMissing", message: `Configuration "${name}" is waiting for a Revision to become ready.` }, false);
}

/** `MarkRevisionNotReady` / `MarkRevisionFailed`. */
function unreadyRevision(revision: Revision): TargetError {
  const name = revision.metadata.name;
  const failed = readyStatus(revision) === "False";
  return failed
    ? new TargetError({ status: "False", reason: "RevisionMissing", message: `Revision "${name}" failed to become ready.` }, true)
    : new TargetError({ status: "Unknown", reason: "RevisionMissing", message: `Revision "${name}" is not yet ready.` }, false);
}

/** `MarkRevisionNotOwned`. */
function revisionNotOwned(revision: string, expectedService: string, actualService: string): TargetError {
  const message = actualService
    ? `Revision "${revision}" belongs to Service "${actualService}", not Service "${expectedService}".`
    : `Revision "${revision}" does not belong to Service "${expectedService}".`;
  return new TargetError({ status: "False", reason: "RevisionNotOwned", message }, true);
}

function readyStatus(obj: Revision | Configuration): ConditionStatus {
  return getCondition(obj.status, READY)?.status ?? "Unknown";
}

/** `ErrorConfig`: a domain or tag template produced an invalid host. */
function errorConfig(error: DomainNameError): TrafficFailure {
  return { status: "False", reason: "ErrorConfig", message: error.message };
}

/** A resolved spec target: the revision it points at, and what status.traffic will say. */
interface ResolvedTarget {
  tag?: string;
  revisionName: string;
  latestRevision?: boolean;
  percent: number;
}

export function resolveTraffic(route: RouteForTraffic, lookup: TrafficLookup, domain: string): TrafficResolution {
  const revisions = new Set<string>();
  const configurations = new Set<string>();
  const missing: MissingTarget[] = [];
  const resolved: ResolvedTarget[] = [];
  let deferred: TargetError | undefined;

  const getRevision = (name: string) => {
    const rev = lookup.revision(name);
    if (!rev) {
      missing.push({ kind: "Revision", name });
      throw missingTarget("Revision", name);
    }
    revisions.add(name);
    return rev;
  };
  const getConfiguration = (name: string) => {
    const cfg = lookup.configuration(name);
    if (!cfg) {
      missing.push({ kind: "Configuration", name });
      throw missingTarget("Configuration", name);
    }
    configurations.add(name);
    return cfg;
  };

  const resolveRevisionTarget = (tt: TrafficTarget): string => {
    const rev = getRevision(tt.revisionName!);
    const routeService = route.labels?.[LABEL_SERVICE] ?? "";
    if (routeService) {
      const revisionService = rev.metadata.labels?.[LABEL_SERVICE] ?? "";
      if (routeService !== revisionService) throw revisionNotOwned(tt.revisionName!, routeService, revisionService);
    }
    if (!isReady(rev)) throw unreadyRevision(rev);
    const configName = rev.metadata.labels?.[LABEL_CONFIGURATION];
    if (configName !== undefined) getConfiguration(configName);
    return rev.metadata.name!;
  };

  const resolveConfigurationTarget = (tt: TrafficTarget): string => {
    const cfg = getConfiguration(tt.configurationName!);
    const latestReady = cfg.status?.latestReadyRevisionName;
    if (!latestReady) throw unreadyConfiguration(cfg);
    const rev = getRevision(latestReady);
    if (!isReady(rev)) throw unreadyRevision(rev);
    return rev.metadata.name!;
  };

  for (const tt of route.traffic ?? []) {
    try {
      let revisionName: string | undefined;
      if (tt.revisionName) revisionName = resolveRevisionTarget(tt);
      else if (tt.configurationName) revisionName = resolveConfigurationTarget(tt);
      if (revisionName !== undefined) mergeTarget(resolved, { tag: tt.tag, revisionName, latestRevision: tt.latestRevision, percent: tt.percent ?? 0 });
    } catch (e) {
      if (!(e instanceof TargetError)) throw e;
      if (!deferred || e.isFailure) deferred = e;
    }
  }

  const result: TrafficResolution = { revisions: [...revisions], configurations: [...configurations], missing };
  try {
    result.url = routeUrl(route, domain);
  } catch (e) {
    if (!(e instanceof DomainNameError)) throw e;
    return { ...result, failure: errorConfig(e) };
  }
  if (deferred) return { ...result, failure: deferred.failure };
  try {
    result.traffic = resolved.map((t) => toStatusTarget(route, t, domain));
  } catch (e) {
    if (!(e instanceof DomainNameError)) throw e;
    return { ...result, failure: errorConfig(e) };
  }
  return result;
}

/** `mergeIfNecessary`: targets with the same tag, revision and latestRevision add up. */
function mergeTarget(targets: ResolvedTarget[], next: ResolvedTarget): void {
  const same = targets.find(
    (t) => (t.tag ?? "") === (next.tag ?? "") && t.revisionName === next.revisionName && (t.latestRevision ?? false) === (next.latestRevision ?? false),
  );
  if (same) same.percent += next.percent;
  else targets.push({ ...next });
}

/** `targetToStatus`: never a configurationName; a url only for tagged targets. */
function toStatusTarget(route: RouteForTraffic, t: ResolvedTarget, domain: string): TrafficTarget {
  const out: TrafficTarget = {};
  if (t.tag) out.tag = t.tag;
  out.revisionName = t.revisionName;
  if (t.latestRevision !== undefined) out.latestRevision = t.latestRevision;
  out.percent = t.percent;
  if (t.tag) out.url = routeUrl(route, domain, t.tag);
  return out;
}

/**
 * The Service reconciler's `checkRoutesNotReady`: has the Route's status caught up with its spec,
 * once configuration targets are read as the configuration's latest ready revision?
 * `url` and `latestRevision` are ignored.
 */
export function isTrafficMigrated(
  specTraffic: TrafficTarget[] | undefined,
  statusTraffic: TrafficTarget[] | undefined,
  configuration: { name: string; latestReadyRevisionName?: string },
): boolean {
  const want = specTraffic ?? [];
  const got = statusTraffic ?? [];
  if (want.length !== got.length) return false;
  return want.every((w, i) => {
    const g = got[i]!;
    const pinned = w.configurationName === configuration.name;
    const revisionName = pinned ? configuration.latestReadyRevisionName : w.revisionName;
    const configurationName = pinned ? undefined : w.configurationName;
    return (
      (w.tag ?? "") === (g.tag ?? "") &&
      (revisionName ?? "") === (g.revisionName ?? "") &&
      (configurationName ?? "") === (g.configurationName ?? "") &&
      w.percent === g.percent
    );
  });
}

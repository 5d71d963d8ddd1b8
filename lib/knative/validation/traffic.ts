// Traffic rules (serving: pkg/apis/serving/v1/route_validation.go validateTrafficList and
// TrafficTarget.Validate). Paths are relative to the traffic list; callers prefix
// `spec.traffic`. The console's Split Traffic dialog calls the same functions, so the
// messages it shows are the webhook's.

import { CURRENT_FIELD, FieldError, also, errDisallowedFields, errGeneric, errInvalidArrayValue, errInvalidKeyName, errMissingField, errMissingOneOf, errMultipleOneOf, errOutOfBoundsValue, goQuote, goSprint } from "../field-error";
import { isDNS1035Label, isQualifiedName } from "../k8s-validation";
import { arr, obj, optBool, optNum, str } from "./json";

/** Where a traffic list is being validated; decides which rules apply. */
export interface TrafficContext {
  /** In `spec` (not `status`): latestRevision must match revisionName, and url may not be set. */
  inSpec: boolean;
  /** In `status`: revisionName and (for tagged targets) url are required. */
  inStatus?: boolean;
  /**
   * Inside a Service: targets default to the Service's own Configuration, so
   * configurationName may not be set (route_validation.go HasDefaultConfigurationName).
   */
  hasDefaultConfigurationName: boolean;
}

export const SERVICE_SPEC_TRAFFIC: TrafficContext = { inSpec: true, hasDefaultConfigurationName: true };
export const ROUTE_SPEC_TRAFFIC: TrafficContext = { inSpec: true, hasDefaultConfigurationName: false };

/** The sum of the targets' percents; a missing percent counts as 0. */
export function trafficPercentSum(traffic: readonly unknown[]): number {
  return traffic.reduce<number>((sum, t) => sum + (optNum(obj(t).percent) ?? 0), 0);
}

/** validateTrafficList: every target, the tags (DNS-1035, unique) and a sum of exactly 100. */
export function validateTrafficList(ctx: TrafficContext, traffic: unknown): FieldError | undefined {
  const targets = arr(traffic);
  let errs: FieldError | undefined;
  const firstIndexOfTag = new Map<string, number>();
  targets.forEach((t, i) => {
    errs = also(errs, validateTrafficTarget(ctx, t)?.viaIndex(i));
    const tag = str(obj(t).tag);
    if (tag === "") return;
    const msgs = isDNS1035Label(tag);
    // Note the path: ErrInvalidArrayValue gives `tag[i]`, i.e. spec.traffic.tag[0].
    if (msgs.length > 0) errs = also(errs, errInvalidArrayValue(`not a DNS 1035 label: ${goSprint(msgs)}`, "tag", i));
    const first = firstIndexOfTag.get(tag);
    if (first !== undefined) {
      // Only one definition per tag, even if both point at the same revision.
      errs = also(errs, new FieldError({ message: `Multiple definitions for ${goQuote(tag)}`, paths: [`[${i}].tag`, `[${first}].tag`] }));
    } else {
      firstIndexOfTag.set(tag, i);
    }
  });
  const sum = trafficPercentSum(targets);
  if (sum !== 100) errs = also(errs, errGeneric(`Traffic targets sum to ${sum}, want 100`, CURRENT_FIELD));
  return errs;
}

/** TrafficTarget.Validate. Paths are relative to the target. */
export function validateTrafficTarget(ctx: TrafficContext, target: unknown): FieldError | undefined {
  const tt = obj(target);
  let errs = validateLatestRevision(ctx, tt);
  errs = also(errs, validateRevisionAndConfiguration(ctx, tt));
  const percent = optNum(tt.percent);
  if (percent !== undefined && (percent < 0 || percent > 100)) errs = also(errs, errOutOfBoundsValue(percent, 0, 100, "percent"));
  return also(errs, validateURL(ctx, tt));
}

function validateLatestRevision(ctx: TrafficContext, tt: Record<string, unknown>): FieldError | undefined {
  const latest = optBool(tt.latestRevision);
  if (!ctx.inSpec || latest === undefined) return undefined;
  const revisionName = str(tt.revisionName);
  // Pinning to a revision and floating to the latest are exclusive; the senses must match.
  if ((revisionName !== "") === latest) {
    return errGeneric(`may not set revisionName ${goQuote(revisionName)} when latestRevision is ${latest}`, "latestRevision");
  }
  return undefined;
}

function validateRevisionAndConfiguration(ctx: TrafficContext, tt: Record<string, unknown>): FieldError | undefined {
  const revisionName = str(tt.revisionName);
  const configurationName = str(tt.configurationName);
  if (ctx.hasDefaultConfigurationName && configurationName !== "") return errDisallowedFields("configurationName");
  if (revisionName !== "" && configurationName !== "") return errMultipleOneOf("revisionName", "configurationName");
  if (revisionName !== "") {
    const msgs = isQualifiedName(revisionName);
    return msgs.length > 0 ? errInvalidKeyName(revisionName, "revisionName", ...msgs) : undefined;
  }
  if (ctx.inStatus) return errMissingField("revisionName");
  if (configurationName !== "") {
    const msgs = isQualifiedName(configurationName);
    return msgs.length > 0 ? errInvalidKeyName(configurationName, "configurationName", ...msgs) : undefined;
  }
  if (ctx.hasDefaultConfigurationName) return undefined;
  return errMissingOneOf("revisionName", "configurationName");
}

function validateURL(ctx: TrafficContext, tt: Record<string, unknown>): FieldError | undefined {
  const url = str(tt.url);
  const tag = str(tt.tag);
  let errs: FieldError | undefined;
  if (url !== "") {
    // Reported twice for an untagged spec target; the two merge into one line.
    if (ctx.inSpec) errs = also(errs, errDisallowedFields("url"));
    if (tag === "") errs = also(errs, errDisallowedFields("url"));
  } else if (tag !== "" && ctx.inStatus) {
    errs = also(errs, errMissingField("url"));
  }
  return errs;
}

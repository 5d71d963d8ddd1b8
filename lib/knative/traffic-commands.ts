// The command-line equivalents the Split Traffic dialog shows for a split, to copy and paste:
// a `kubectl patch` with the new spec.traffic, and the `kn service update` flags that produce
// the same split (knative/client: pkg/commands/flags/traffic.go for the flags,
// pkg/traffic/compute.go for how kn applies them to the Service's current spec.traffic).

import { LATEST_ROW_ID, targetRowId, type SplitRow, type SplitState } from "./split-state";
import { toTraffic } from "./split-output";
import type { TrafficTarget } from "./types";

/** kn's name for the latestRevision target (compute.go latestRevisionRef). */
export const KN_LATEST_REF = "@latest";

/** `s` as one POSIX shell word: bare when only safe characters, else single-quoted with `'\''` for each quote. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(s) ? s : singleQuote(s);
}

function singleQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/**
 * `kubectl patch ksvc NAME -n NS --type merge -p '{"spec":{"traffic":[...]}}'`. A JSON merge
 * patch (RFC 7386) replaces a list whole, which is what a new split is; custom resources accept
 * no strategic merge patch. Fields are written in the order of serving's TrafficTarget struct.
 */
export function kubectlPatchCommand(namespace: string, service: string, traffic: readonly TrafficTarget[]): string {
  const patch = JSON.stringify({ spec: { traffic: traffic.map(inStructOrder) } });
  return `kubectl patch ksvc ${shellQuote(service)} -n ${shellQuote(namespace)} --type merge -p ${singleQuote(patch)}`;
}

/** serving: pkg/apis/serving/v1/route_types.go TrafficTarget field order. */
function inStructOrder(t: TrafficTarget): TrafficTarget {
  const out: TrafficTarget = {};
  if (t.tag !== undefined) out.tag = t.tag;
  if (t.revisionName !== undefined) out.revisionName = t.revisionName;
  if (t.configurationName !== undefined) out.configurationName = t.configurationName;
  if (t.latestRevision !== undefined) out.latestRevision = t.latestRevision;
  if (t.percent !== undefined) out.percent = t.percent;
  if (t.url !== undefined) out.url = t.url;
  return out;
}

/**
 * `kn service update NAME -n NS` with the flags that turn the Service's current spec.traffic
 * (`state.currentTraffic`) into toTraffic(state). kn applies them in a fixed order whatever
 * their order on the line (compute.go Compute), and they are written in that order:
 * 1. `--untag TAG` for each tag that leaves its revision (or the latest target);
 * 2. `--tag REV=TAG` / `--tag @latest=TAG` for each tag new on its revision (a moved tag is
 *    untagged first, since kn refuses to overwrite an existing tag);
 * 3. `--traffic REV=N` / `--traffic @latest=N` for every row above 0 %: kn first resets every
 *    target to 0, so the flags are the whole split, and drops untagged 0 % targets, as
 *    buildTraffic does.
 * See knTrafficLimitation for the one split kn cannot express.
 */
export function knTrafficCommand(namespace: string, service: string, state: SplitState): string {
  return ["kn", "service", "update", service, "-n", namespace, ...knTrafficArgs(state)].map(shellQuote).join(" ");
}

/** The traffic flags of knTrafficCommand, one array element per shell word, unquoted. */
export function knTrafficArgs(state: SplitState): string[] {
  const before = tagOwners(state.currentTraffic);
  const after = tagOwners(toTraffic(state));
  const args: string[] = [];
  for (const [tag, owner] of before) if (after.get(tag) !== owner) args.push("--untag", tag);
  for (const [tag, owner] of after) if (before.get(tag) !== owner) args.push("--tag", `${knRef(owner)}=${tag}`);
  for (const row of state.rows) if (row.percent > 0) args.push("--traffic", `${trafficRef(row, after)}=${row.percent}`);
  return args;
}

/**
 * Why kn cannot make this split, or undefined. `--traffic X=N` names a tag before a revision
 * (compute.go: isTagPresent is checked before isRevisionPresent), so traffic for a revision whose
 * name is also another target's tag has to go through a tag of its own; without one, only the
 * kubectl patch can express the split.
 */
export function knTrafficLimitation(state: SplitState): string | undefined {
  const after = tagOwners(toTraffic(state));
  for (const row of state.rows) {
    if (row.kind !== "revision" || row.percent === 0) continue;
    const owner = after.get(row.revisionName);
    if (owner !== undefined && owner !== row.id && trafficRef(row, after) === row.revisionName) {
      return (
        `kn reads "${row.revisionName}" in --traffic as the tag of ${knRef(owner)}, ` +
        `and ${row.revisionName} has no tag of its own to use instead; use the kubectl command.`
      );
    }
  }
  return undefined;
}

/** Each tag and the row id it belongs to, first one winning (tags are unique in a valid split). */
function tagOwners(traffic: readonly TrafficTarget[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const t of traffic) {
    const owner = targetRowId(t);
    if (t.tag && owner !== undefined && !owners.has(t.tag)) owners.set(t.tag, owner);
  }
  return owners;
}

function knRef(rowId: string): string {
  return rowId === LATEST_ROW_ID ? KN_LATEST_REF : rowId;
}

/** How --traffic names a row: @latest, the revision name, or (see knTrafficLimitation) its own tag. */
function trafficRef(row: SplitRow, tagOwnersAfter: ReadonlyMap<string, string>): string {
  if (row.kind === "latest") return KN_LATEST_REF;
  const owner = tagOwnersAfter.get(row.revisionName);
  if (owner === undefined || owner === row.id) return row.revisionName;
  const ownTag = [...tagOwnersAfter].find(([, o]) => o === row.id)?.[0];
  return ownTag ?? row.revisionName;
}

import { describe, expect, it } from "vitest";
import { setPercent, setPercentFree, setTag } from "./split-editing";
import { toTraffic } from "./split-output";
import { promote, rollback } from "./split-shortcuts";
import { createSplitState, LATEST_ROW_ID, specShares, type SplitState } from "./split-state";
import { knTrafficArgs, knTrafficCommand, knTrafficLimitation, kubectlPatchCommand, shellQuote } from "./traffic-commands";
import type { TrafficTarget } from "./types";

describe("shellQuote", () => {
  it.each([
    ["hello-00001", "hello-00001"],
    ["@latest=50", "@latest=50"],
    ["", "''"],
    ["a b", "'a b'"],
    ["it's", `'it'\\''s'`],
    ["$(rm -rf /)", "'$(rm -rf /)'"],
    ['say "hi"', `'say "hi"'`],
  ])("%s as %s", (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

describe("kubectlPatchCommand", () => {
  it("writes a merge patch of spec.traffic, fields in serving's order", () => {
    const traffic: TrafficTarget[] = [
      { percent: 90, latestRevision: true },
      { percent: 10, latestRevision: false, revisionName: "hello-00001", tag: "stable" },
    ];
    expect(kubectlPatchCommand("default", "hello", traffic)).toBe(
      "kubectl patch ksvc hello -n default --type merge -p " +
        `'{"spec":{"traffic":[{"latestRevision":true,"percent":90},{"tag":"stable","revisionName":"hello-00001","latestRevision":false,"percent":10}]}}'`,
    );
  });

  it("escapes a single quote in a tag, and quotes odd names", () => {
    expect(kubectlPatchCommand("my ns", "hello", [{ tag: "it's", latestRevision: true, percent: 100 }])).toBe(
      `kubectl patch ksvc hello -n 'my ns' --type merge -p '{"spec":{"traffic":[{"tag":"it'\\''s","latestRevision":true,"percent":100}]}}'`,
    );
  });
});

const revisions = [
  { name: "hello-00003", ready: true },
  { name: "hello-00002", ready: true },
  { name: "hello-00001", ready: true },
];
const open = (traffic: TrafficTarget[]) => createSplitState({ traffic, revisions, latestReadyRevisionName: "hello-00003" });
const pinned = (revisionName: string, percent: number, tag?: string): TrafficTarget => ({ ...(tag ? { tag } : {}), revisionName, latestRevision: false, percent });

describe("knTrafficCommand", () => {
  it("sends the whole split with @latest for the latest target", () => {
    const state = setPercent(open([{ latestRevision: true, percent: 100 }]), "hello-00001", 50);
    expect(knTrafficCommand("default", "hello", state)).toBe("kn service update hello -n default --traffic @latest=50 --traffic hello-00001=50");
  });

  it("untags, tags and splits, in kn's order", () => {
    let state = open([{ tag: "current", latestRevision: true, percent: 100 }, pinned("hello-00001", 0, "old")]);
    state = setTag(state, "hello-00001", undefined);
    state = setTag(state, LATEST_ROW_ID, "next");
    state = setTag(state, "hello-00002", "stable");
    state = setPercent(state, "hello-00002", 80);
    expect(knTrafficCommand("default", "hello", state)).toBe(
      "kn service update hello -n default --untag current --untag old --tag @latest=next --tag hello-00002=stable --traffic @latest=20 --traffic hello-00002=80",
    );
  });

  it("quotes a tag with a quote in it as one shell word", () => {
    const state = setTag(open([{ latestRevision: true, percent: 100 }]), "hello-00002", "it's");
    expect(knTrafficCommand("default", "hello", state)).toBe(`kn service update hello -n default --tag 'hello-00002=it'\\''s' --traffic @latest=100`);
  });

  it("names a revision by its own tag when its name is another target's tag", () => {
    const opened = open([pinned("hello-00001", 100, "hello-00002"), pinned("hello-00002", 0, "two")]);
    const state = setPercentFree(setPercentFree(opened, "hello-00001", 50), "hello-00002", 50);
    expect(knTrafficArgs(state)).toEqual(["--traffic", "two=50", "--traffic", "hello-00001=50"]);
    expect(knTrafficLimitation(state)).toBeUndefined();
    expect(knTrafficLimitation(setTag(state, "hello-00002", undefined))).toBe(
      `kn reads "hello-00002" in --traffic as the tag of hello-00001, and hello-00002 has no tag of its own to use instead; use the kubectl command.`,
    );
  });

  // Each row: the Service's spec.traffic, and the dialog's edits. kn must arrive at the same split as toTraffic.
  const cases: Array<[string, TrafficTarget[], (s: SplitState) => SplitState]> = [
    ["a canary of the latest", [{ latestRevision: true, percent: 100 }], (s) => setPercent(s, "hello-00002", 10)],
    ["promote the latest", [{ latestRevision: true, percent: 10 }, pinned("hello-00002", 90, "stable")], (s) => promote(s, LATEST_ROW_ID)],
    ["roll back", [{ latestRevision: true, percent: 100 }], (s) => rollback(s, revisions).state!],
    ["rename a tag", [pinned("hello-00001", 100, "a")], (s) => setTag(s, "hello-00001", "b")],
    ["swap two tags", [pinned("hello-00001", 50, "a"), pinned("hello-00002", 50, "b")], (s) => setTag(setTag(s, "hello-00001", "b"), "hello-00002", "a")],
    ["move a tag", [pinned("hello-00001", 50, "a"), { latestRevision: true, percent: 50 }], (s) => setTag(setTag(s, "hello-00001", undefined), "hello-00003", "a")],
    ["tag the latest target", [pinned("hello-00001", 100)], (s) => setTag(s, LATEST_ROW_ID, "next")],
    ["rename the latest target's tag", [{ tag: "x", latestRevision: true, percent: 100 }], (s) => setTag(s, LATEST_ROW_ID, "y")],
    ["drop a target", [pinned("hello-00001", 50), pinned("hello-00002", 50)], (s) => setPercent(s, "hello-00001", 0)],
    [
      "several targets per revision",
      [pinned("hello-00001", 30), pinned("hello-00001", 20, "a"), pinned("hello-00001", 0, "b"), { latestRevision: true, percent: 50 }],
      (s) => setTag(setPercent(s, "hello-00001", 80), "hello-00001", "c"),
    ],
    [
      "an untagged first target, the tag on a later one",
      [pinned("hello-00002", 60), pinned("hello-00002", 0, "x"), { latestRevision: true, percent: 40 }],
      (s) => setTag(s, "hello-00002", "y"),
    ],
    ["a tag on a revision new to spec.traffic", [{ latestRevision: true, percent: 100 }], (s) => setTag(setPercent(s, "hello-00001", 25), "hello-00001", "old")],
    ["a revision named like another's tag", [pinned("hello-00001", 100, "hello-00002"), pinned("hello-00002", 0, "two")], (s) => setPercent(s, "hello-00002", 50)],
  ];

  it.each(cases)("reaches the same split as the kubectl patch: %s", (_, traffic, edit) => {
    const state = edit(open(traffic));
    expect(knTrafficLimitation(state)).toBeUndefined();
    expect(sharesOf(applyKn(state.currentTraffic, knTrafficArgs(state)))).toEqual(sharesOf(toTraffic(state)));
  });
});

/** What a split means: percent and tags per target kind, order aside. */
function sharesOf(traffic: TrafficTarget[]) {
  return specShares(traffic)
    .map((s) => ({ ...s, tags: [...s.tags].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * kn's handling of --untag, --tag and --traffic on a Service's spec.traffic, ported from
 * knative/client pkg/traffic/compute.go Compute (input checks left out: the cases are valid).
 */
function applyKn(spec: readonly TrafficTarget[], args: readonly string[]): TrafficTarget[] {
  let traffic: TrafficTarget[] = spec.map((t) => ({ ...t, latestRevision: t.latestRevision ?? !t.revisionName, percent: t.percent ?? 0 }));
  const flags: Record<string, string[]> = { "--untag": [], "--tag": [], "--traffic": [] };
  for (let i = 0; i < args.length; i += 2) flags[args[i]!]!.push(args[i + 1]!);
  const hasTag = (tag: string) => traffic.some((t) => t.tag === tag);
  const splitPair = (pair: string) => {
    const at = pair.indexOf("=");
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  };

  for (const tag of flags["--untag"]!) {
    const target = traffic.find((t) => t.tag === tag);
    if (!target) throw new Error(`tag(s) ${tag} not present`);
    delete target.tag;
  }
  for (const pair of flags["--tag"]!) {
    const [rev, tag] = splitPair(pair);
    if (rev === "@latest") {
      const existing = traffic.find((t) => t.latestRevision)?.tag ?? "";
      if (existing === tag) continue;
      if (hasTag(tag)) throw new Error(`refusing to overwrite existing tag ${tag}`);
      if (existing !== "") throw new Error(`tag '${existing}' exists on latest ready revision`);
      const latest = traffic.find((t) => t.latestRevision);
      if (latest) latest.tag = tag;
      else traffic.push({ tag, latestRevision: true, percent: 0 });
      continue;
    }
    if (traffic.some((t) => t.tag === tag && t.revisionName === rev)) continue;
    if (hasTag(tag)) throw new Error(`refusing to overwrite existing tag ${tag}`);
    const first = traffic.find((t) => t.revisionName === rev);
    if (first && !first.tag) first.tag = tag;
    else traffic.push({ tag, revisionName: rev, latestRevision: false, percent: 0 });
  }
  if (flags["--traffic"]!.length > 0) {
    for (const t of traffic) t.percent = 0;
    for (const pair of flags["--traffic"]!) {
      const [ref, value] = splitPair(pair);
      const percent = Number(value);
      const target =
        ref === "@latest" ? traffic.find((t) => t.latestRevision) : (traffic.find((t) => t.tag === ref) ?? traffic.find((t) => t.revisionName === ref));
      if (target) target.percent = percent;
      else traffic = [...traffic, ref === "@latest" ? { latestRevision: true, percent } : { revisionName: ref, latestRevision: false, percent }];
    }
  }
  return traffic.filter((t) => t.tag || t.percent !== 0);
}
